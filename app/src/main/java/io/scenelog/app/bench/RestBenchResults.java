package io.scenelog.app.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code bench rest} run measured, with the printed table and the Markdown snippet for the README.
 * Figures are reported, never asserted: they depend on the machine and on what else runs on it.
 *
 * @param environment  where it ran
 * @param settings     what was asked for
 * @param rateLimit    the API's per-principal rate limit during the run
 * @param reads        the closed-loop GET phase
 * @param writes       the closed-loop PATCH phase
 * @param direct       the closed-loop pipeline peer: the same writes straight to Kafka, as many clients
 * @param peerRate     the rate the paced peer was sent at (the REST writes' rate)
 * @param peer         the paced pipeline peer's latency, action sent to result visible
 * @param peerRejected paced peer actions the pipeline rejected
 * @param failed       failed calls of the closed-loop phases, warm-up included
 * @param errors       one line per kind of failed call, with the first response body or message
 */
record RestBenchResults(String environment, RestBenchSettings settings, String rateLimit, PhaseResult reads,
        PhaseResult writes, PhaseResult direct, double peerRate, Percentiles peer, long peerRejected, long failed,
        List<String> errors) {

    RestBenchResults {
        errors = List.copyOf(errors);
    }

    /** REST writes over the closed-loop peer: throughput, p50 and p99 (0 where the peer has no figure). */
    double[] closedLoopRatios() {
        return new double[] {writes.throughput().ratioTo(direct.throughput()),
            ratio(writes.latency().p50(), direct.latency().p50()),
            ratio(writes.latency().p99(), direct.latency().p99())};
    }

    /** REST writes over the paced peer: p50 and p99. */
    double[] pacedRatios() {
        return new double[] {ratio(writes.latency().p50(), peer.p50()), ratio(writes.latency().p99(), peer.p99())};
    }

    /** The console table. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "REST API benchmark (%s)%n%s%n%n", environment, setup()));
        text.append(String.format(Locale.ROOT, "%-72s %10s %8s %8s %8s %8s %7s%n", "(latencies in ms)", "per s",
                "p50", "p99", "p99.9", "max", "errors"));
        rows().forEach((name, row) -> text.append(String.format(Locale.ROOT,
                "%-72s %10.0f %8.1f %8.1f %8.1f %8.1f %7d%n", name, row.rate(), row.latency().p50(),
                row.latency().p99(), row.latency().p999(), row.latency().max(), row.errors())));
        text.append(String.format(Locale.ROOT, "%n%s%n%s%n", overhead(), errorSummary()));
        errors.forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
        return text.toString();
    }

    /** The Markdown snippet. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### REST API (`scenelog bench rest`, ").append(LocalDate.now(ZoneOffset.UTC)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version().feature()).append(", ").append(environment).append(")\n\n")
                .append(setup()).append("\n\n");
        md.append("| | per s | p50 ms | p99 ms | p99.9 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        rows().forEach((name, row) -> md.append(String.format(Locale.ROOT,
                "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n", name, row.rate(), row.latency().p50(),
                row.latency().p99(), row.latency().p999(), row.latency().max(), row.errors())));
        md.append("\n").append(overhead()).append(" ").append(errorSummary()).append("\n");
        errors.forEach(line -> md.append("- ").append(line).append("\n"));
        return md.toString();
    }

    private String setup() {
        return String.format(Locale.ROOT, "%d clients, each with its own editor API key and token (%s); %d entities "
                + "in one scene; %d s warm-up, then %d s timed per phase; commit interval %d ms; API rate limit %s.",
                settings.clients(), ApiHttp.DESCRIPTION, settings.entities(), settings.warmUp().toSeconds(),
                settings.duration().toSeconds(), settings.commitInterval().toMillis(), rateLimit);
    }

    private String overhead() {
        double[] closed = closedLoopRatios();
        double[] paced = pacedRatios();
        return String.format(Locale.ROOT, "REST write overhead, same run, same broker: against the pipeline with the "
                + "same %d closed-loop clients throughput %.2fx, p50 %.2fx, p99 %.2fx; against the pipeline paced at "
                + "the REST write rate p50 %.2fx, p99 %.2fx. REST reads: %.0f requests/s.", settings.clients(),
                closed[0], closed[1], closed[2], paced[0], paced[1], reads.throughput().perSecond());
    }

    private static double ratio(double value, double base) {
        return base > 0 ? value / base : 0;
    }

    private String errorSummary() {
        if (failed == 0 && peer.missing() == 0 && peerRejected == 0) {
            return "Errors: none (no non-2xx answer, no timeout, every direct action accepted).";
        }
        return String.format(Locale.ROOT, "Errors: %d failed calls in the closed loops (warm-up included); paced "
                + "peer: %d actions rejected, %d results missing.", failed, peerRejected, peer.missing());
    }

    private Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        String clients = settings.clients() + " clients in closed loops";
        rows.put("REST reads: GET /scenes/{id}/entities/{entityId}, " + clients,
                new Row(reads.throughput().perSecond(), reads.latency(), reads.errors()));
        rows.put("REST writes: PATCH /scenes/{id}/entities/{entityId}, " + clients,
                new Row(writes.throughput().perSecond(), writes.latency(), writes.errors()));
        rows.put("pipeline (peer): SceneAction -> ActionResult, " + clients,
                new Row(direct.throughput().perSecond(), direct.latency(), direct.errors()));
        rows.put("pipeline (peer): SceneAction -> ActionResult, paced at the REST write rate",
                new Row(peerRate, peer, peer.missing() + peerRejected));
        return rows;
    }

    /** One table row. */
    private record Row(double rate, Percentiles latency, long errors) {
    }
}
