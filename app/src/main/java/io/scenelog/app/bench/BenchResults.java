package io.scenelog.app.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code bench commit} run measured, with the printed table and the Markdown snippet for the
 * README's performance section. Figures are reported, never asserted: they depend on the machine.
 *
 * @param environment        where it ran
 * @param actions            actions per throughput run
 * @param throughputInterval the commit interval of the throughput runs
 * @param peer               the bare consume, decide, produce loop
 * @param exactlyOnce        platform-streams with exactly_once_v2
 * @param atLeastOnce        platform-streams with at_least_once
 * @param latencyRate        actions per second of the latency runs
 * @param bare               bare produce, consume latency on the same broker
 * @param latencies          platform-streams (EOS) latency per commit interval
 */
record BenchResults(String environment, long actions, Duration throughputInterval, Throughput peer,
        Throughput exactlyOnce, Throughput atLeastOnce, double latencyRate, Percentiles bare,
        Map<Duration, Percentiles> latencies) {

    /** The goals the issue sets for EOS at 1,000 actions/s. */
    static final double GOAL_P50_MS = 25;
    static final double GOAL_P99_MS = 80;
    static final double GOAL_RATIO = 0.5;

    BenchResults {
        latencies = new LinkedHashMap<>(latencies);
    }

    /** The console table. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Commit pipeline benchmark (%s)%n%n", environment));
        text.append(String.format(Locale.ROOT, "%-58s %12s %8s%n", "THROUGHPUT (" + actions + " actions)",
                "actions/s", "ratio"));
        throughputRows().forEach((name, t) -> text.append(String.format(Locale.ROOT, "%-58s %12.0f %8.2f%n",
                name, t.perSecond(), t.ratioTo(peer))));
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
        md.append("| throughput, ").append(actions).append(" actions | actions/s | vs bare loop |\n|---|---:|---:|\n");
        throughputRows().forEach((name, t) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n",
                name, t.perSecond(), t.ratioTo(peer))));
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
        double ratio = exactlyOnce.ratioTo(peer);
        Percentiles p = best.getValue();
        return String.format(Locale.ROOT, "Goals: EOS p50 <= %.0f ms and p99 <= %.0f ms at 1,000 actions/s: "
                + "p50 %.1f ms, p99 %.1f ms at %s actions/s, commit interval %d ms (%s). EOS throughput >= %.1fx "
                + "the bare loop: %.2fx (%s).", GOAL_P50_MS, GOAL_P99_MS, p.p50(), p.p99(), rate(),
                best.getKey().toMillis(),
                p.p50() <= GOAL_P50_MS && p.p99() <= GOAL_P99_MS ? "met" : "NOT met", GOAL_RATIO, ratio,
                ratio >= GOAL_RATIO ? "met" : "NOT met");
    }

    private String rate() {
        return String.format(Locale.ROOT, "%,.0f", latencyRate);
    }

    private Map<String, Throughput> throughputRows() {
        Map<String, Throughput> rows = new LinkedHashMap<>();
        rows.put("bare loop: consume -> decide -> produce (peer)", peer);
        rows.put("platform-streams, exactly_once_v2, commit " + throughputInterval.toMillis() + " ms", exactlyOnce);
        rows.put("platform-streams, at_least_once, commit " + throughputInterval.toMillis() + " ms", atLeastOnce);
        return rows;
    }

    private Map<String, Percentiles> latencyRows() {
        Map<String, Percentiles> rows = new LinkedHashMap<>();
        rows.put("bare produce -> consume (same broker, peer)", bare);
        latencies.forEach((interval, p) -> rows.put("platform-streams, exactly_once_v2, commit "
                + interval.toMillis() + " ms", p));
        return rows;
    }
}
