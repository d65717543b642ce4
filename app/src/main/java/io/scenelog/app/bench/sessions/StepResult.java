package io.scenelog.app.bench.sessions;

import io.scenelog.app.bench.BenchFiles;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One step: {@code streams} streams at once and the frame rate each delivered over the window, or why the step could
 * not be measured (a session that never ran, a stream that never started): such a step does not hold.
 *
 * @param streams the number of sessions (or bare loops) at once
 * @param fps     each stream's delivered frames per second, empty when the step failed
 * @param cpuLoad the machine's CPU load over the window, 0 to 1 (all cores), when known
 * @param failure why the step was not measured, if it was not
 */
record StepResult(int streams, List<Double> fps, OptionalDouble cpuLoad, Optional<String> failure) {

    StepResult {
        fps = List.copyOf(fps);
        if (failure.isEmpty() && fps.size() != streams) {
            throw new IllegalArgumentException("A measured step of " + streams + " streams has " + fps.size()
                    + " rates");
        }
    }

    /** A measured step. */
    static StepResult measured(List<Double> fps, OptionalDouble cpuLoad) {
        return new StepResult(fps.size(), fps, cpuLoad, Optional.empty());
    }

    /** A step that could not be measured. */
    static StepResult failed(int streams, String why) {
        return new StepResult(streams, List.of(), OptionalDouble.empty(), Optional.of(why));
    }

    /** The slowest stream's rate. */
    OptionalDouble minFps() {
        return fps.stream().mapToDouble(Double::doubleValue).min();
    }

    /** The median stream's rate (the mean of the middle two for an even count). */
    OptionalDouble medianFps() {
        if (fps.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(BenchFiles.median(fps));
    }

    /** Whether every stream delivered at least {@code minFps}. */
    boolean holds(double minFps) {
        return failure.isEmpty() && minFps().orElse(0) >= minFps;
    }
}
