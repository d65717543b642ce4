package io.scenelog.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One round of the commit benchmark's throughput runs: the bare loop, then the pipeline with exactly-once, then with
 * at-least-once, over the same preloaded actions and one after the other, so that the ratios of a round compare runs
 * that saw the same machine. On a shared machine a single run's rate swings by a third from one minute to the next;
 * the benchmark runs warm-up rounds first and reports the median of several measured rounds.
 *
 * @param peer        the bare consume, decide, produce loop
 * @param exactlyOnce platform-streams with exactly_once_v2
 * @param atLeastOnce platform-streams with at_least_once
 */
record ThroughputRound(Throughput peer, Throughput exactlyOnce, Throughput atLeastOnce) {

    /** The pipeline's exactly-once rate over the bare loop's, in this round. */
    double exactlyOnceRatio() {
        return exactlyOnce.ratioTo(peer);
    }

    /** The pipeline's at-least-once rate over the bare loop's, in this round. */
    double atLeastOnceRatio() {
        return atLeastOnce.ratioTo(peer);
    }

    /** The round's rates and ratios, for the progress lines. */
    String describe() {
        return String.format(Locale.ROOT, "bare loop %.0f, exactly-once %.0f (%.2fx), at-least-once %.0f (%.2fx)"
                + " actions/s; JVM CPU per action %s / %s / %s us.", peer.perSecond(), exactlyOnce.perSecond(),
                exactlyOnceRatio(), atLeastOnce.perSecond(), atLeastOnceRatio(), micros(peer), micros(exactlyOnce),
                micros(atLeastOnce));
    }

    private static String micros(Throughput run) {
        double micros = run.cpuMicrosPerEvent();
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%.0f", micros);
    }

    /** Where the CPU went in each run of the round, one line per run. */
    List<String> cpuLines() {
        return List.of("bare loop " + cpuLine(peer), "exactly-once " + cpuLine(exactlyOnce),
                "at-least-once " + cpuLine(atLeastOnce));
    }

    private static String cpuLine(Throughput run) {
        return run.cpu() == null ? "(not measured)" : run.cpu().line();
    }

    /** The median over rounds of a figure (the mean of the middle two for an even count). */
    static double median(List<ThroughputRound> rounds, ToDoubleFunction<ThroughputRound> figure) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
