package io.scenelog.app.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Everything one {@code bench commit} run measured, with the printed table and the Markdown snippet for the
 * README's performance section. Figures are reported, never asserted: they depend on the machine.
 *
 * @param environment        where it ran
 * @param actions            actions per throughput run
 * @param throughputInterval the commit interval of the throughput runs
 * @param rounds             the throughput rounds, in the order they ran (at least one)
 * @param latencyRate        actions per second of the latency runs
 * @param bare               bare produce, consume latency on the same broker
 * @param latencies          platform-streams (EOS) latency per commit interval
 */
record BenchResults(String environment, long actions, Duration throughputInterval, List<ThroughputRound> rounds,
        double latencyRate, Percentiles bare, Map<Duration, Percentiles> latencies) {

    /** The goals the issue sets for EOS at 1,000 actions/s. */
    static final double GOAL_P50_MS = 25;
    static final double GOAL_P99_MS = 80;
    static final double GOAL_RATIO = 0.5;

    BenchResults {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("at least one throughput round");
        }
        rounds = List.copyOf(rounds);
        latencies = new LinkedHashMap<>(latencies);
    }

    /** The median exactly-once ratio over the rounds: the figure the throughput goal is judged by. */
    double exactlyOnceRatio() {
        return ThroughputRound.median(rounds, ThroughputRound::exactlyOnceRatio);
    }

    /** The console table. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Commit pipeline benchmark (%s)%n%n", environment));
        text.append(String.format(Locale.ROOT, "%-58s", "THROUGHPUT (" + actions + " actions per run), actions/s"));
        for (int r = 1; r <= rounds.size(); r++) {
            text.append(String.format(Locale.ROOT, " %9s", "round " + r));
        }
        text.append(String.format(Locale.ROOT, " %9s %8s%n", "median", "ratio"));
        throughputRows().forEach(row -> {
            text.append(String.format(Locale.ROOT, "%-58s", row.name()));
            rounds.forEach(round -> text.append(String.format(Locale.ROOT, " %9.0f",
                    row.rate().applyAsDouble(round))));
            text.append(String.format(Locale.ROOT, " %9.0f %8.2f%n", row.medianRate(rounds),
                    row.medianRatio(rounds)));
        });
        text.append(String.format(Locale.ROOT, "(ratio: the median over rounds of each round's rate over its bare"
                + " loop's)%n"));
        text.append(String.format(Locale.ROOT, "%n%-58s %8s %8s %8s %8s %8s%n", "LATENCY at " + rate()
                + " actions/s, sent -> visible (ms)", "p50", "p99", "p99.9", "max", "missing"));
        latencyRows().forEach((name, p) -> text.append(String.format(Locale.ROOT,
                "%-58s %8.1f %8.1f %8.1f %8.1f %8d%n", name, p.p50(), p.p99(), p.p999(), p.max(), p.missing())));
        text.append(String.format(Locale.ROOT, "%n%s%n", goals()));
        return text.toString();
    }

    /** The Markdown snippet. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Commit pipeline (`scenelog bench commit`, ").append(LocalDate.now(ZoneOffset.UTC))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version().feature()).append(", ").append(environment).append(")\n\n");
        md.append("| throughput, ").append(actions).append(" actions per run, actions/s |");
        for (int r = 1; r <= rounds.size(); r++) {
            md.append(" round ").append(r).append(" |");
        }
        md.append(" median | vs bare loop (median of rounds) |\n|---|");
        md.append("---:|".repeat(rounds.size() + 2)).append("\n");
        throughputRows().forEach(row -> {
            md.append("| ").append(row.name()).append(" |");
            rounds.forEach(round -> md.append(String.format(Locale.ROOT, " %.0f |", row.rate().applyAsDouble(round))));
            md.append(String.format(Locale.ROOT, " %.0f | %.2f |%n", row.medianRate(rounds),
                    row.medianRatio(rounds)));
        });
        md.append("\n| latency at ").append(rate()).append(" actions/s, sent → visible to read_committed "
                + "| p50 ms | p99 ms | p99.9 ms | samples |\n|---|---:|---:|---:|---:|\n");
        latencyRows().forEach((name, p) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |%n",
                name, p.p50(), p.p99(), p.p999(), p.samples())));
        md.append("\n").append(goals()).append("\n");
        return md.toString();
    }

    /** Each goal, the best figure against it, and whether it is met. */
    String goals() {
        Map.Entry<Duration, Percentiles> best = latencies.entrySet().stream()
                .min(Comparator.comparingDouble(e -> e.getValue().p99())).orElseThrow();
        double ratio = exactlyOnceRatio();
        Percentiles p = best.getValue();
        return String.format(Locale.ROOT, "Goals: EOS p50 <= %.0f ms and p99 <= %.0f ms at 1,000 actions/s: "
                + "p50 %.1f ms, p99 %.1f ms at %s actions/s, commit interval %d ms (%s). EOS throughput >= %.1fx "
                + "the bare loop: %.2fx, %s (%s).", GOAL_P50_MS, GOAL_P99_MS, p.p50(), p.p99(), rate(),
                best.getKey().toMillis(),
                p.p50() <= GOAL_P50_MS && p.p99() <= GOAL_P99_MS ? "met" : "NOT met", GOAL_RATIO, ratio,
                rounds.size() == 1 ? "one round" : "the median of " + rounds.size() + " rounds",
                ratio >= GOAL_RATIO ? "met" : "NOT met");
    }

    private String rate() {
        return String.format(Locale.ROOT, "%,.0f", latencyRate);
    }

    private List<ThroughputRow> throughputRows() {
        String interval = ", commit " + throughputInterval.toMillis() + " ms";
        return List.of(
                new ThroughputRow("bare loop: consume -> decide -> produce (peer)", r -> r.peer().perSecond(),
                        r -> 1.0),
                new ThroughputRow("platform-streams, exactly_once_v2" + interval,
                        r -> r.exactlyOnce().perSecond(), ThroughputRound::exactlyOnceRatio),
                new ThroughputRow("platform-streams, at_least_once" + interval,
                        r -> r.atLeastOnce().perSecond(), ThroughputRound::atLeastOnceRatio));
    }

    /** A row of the throughput table: a system's rate in a round, and its ratio to that round's bare loop. */
    private record ThroughputRow(String name, ToDoubleFunction<ThroughputRound> rate,
            ToDoubleFunction<ThroughputRound> ratio) {

        double medianRate(List<ThroughputRound> rounds) {
            return ThroughputRound.median(rounds, rate);
        }

        double medianRatio(List<ThroughputRound> rounds) {
            return ThroughputRound.median(rounds, ratio);
        }
    }

    private Map<String, Percentiles> latencyRows() {
        Map<String, Percentiles> rows = new LinkedHashMap<>();
        rows.put("bare produce -> consume (same broker, peer)", bare);
        latencies.forEach((interval, p) -> rows.put("platform-streams, exactly_once_v2, commit "
                + interval.toMillis() + " ms", p));
        return rows;
    }
}
