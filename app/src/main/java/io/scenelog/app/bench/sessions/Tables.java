package io.scenelog.app.bench.sessions;

import java.util.Locale;
import java.util.OptionalDouble;

/** The text forms of the sessions benchmark's figures, shared by the progress lines, the table and Markdown. */
final class Tables {

    private Tables() {
    }

    /** One step in a line: its streams' min and median rates and the CPU load, or why it was not measured. */
    static String stepLine(StepResult step) {
        if (step.failure().isPresent()) {
            return step.streams() + " at once: not measured: " + step.failure().get();
        }
        return String.format(Locale.ROOT, "%d at once: min %s fps, median %s fps, CPU %s", step.streams(),
                fps(step.minFps()), fps(step.medianFps()), percent(step.cpuLoad()));
    }

    static String fps(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
    }

    static String percent(OptionalDouble load) {
        return load.isPresent() ? String.format(Locale.ROOT, "%.0f %%", load.getAsDouble() * 100) : "-";
    }
}
