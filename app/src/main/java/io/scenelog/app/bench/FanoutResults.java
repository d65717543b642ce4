package io.scenelog.app.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one {@code bench fanout} run measured, with the printed table, the Markdown snippet for the README and
 * the JSON ({@link FanoutJson}). Figures are reported and judged against the goals, never asserted.
 *
 * @param environment where it ran
 * @param settings    what was asked for
 * @param runs        one per number of clients, fewest first
 * @param clientSide  how the clients ran in the benchmark's JVM (transport, threads), for the reader of the figures
 */
record FanoutResults(String environment, FanoutBenchSettings settings, List<FanoutRun> runs, String clientSide) {

    private static final String HEADER_FORMAT = "%-66s %12s %9s %8s %8s %8s %8s %6s %8s %5s %5s%n";
    private static final String ROW_FORMAT = "%-66s %12s %9s %8.1f %8.1f %8.1f %8.1f %6d %8s %5s %5s%n";

    FanoutResults {
        runs = List.copyOf(runs);
    }

    /** The goals, judged. */
    List<FanoutGoal> goals() {
        return FanoutGoal.judge(settings.rate(), runs);
    }

    /** The console table. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Livelink fan-out benchmark (%s)%n%s%n%n", environment, setup()));
        text.append(String.format(Locale.ROOT, HEADER_FORMAT, "(latencies in ms)", "deliveries/s", "events/s",
                "p50", "p99", "p99.9", "max", "lost", "behind", "dup", "slow"));
        for (Row row : rows()) {
            text.append(String.format(Locale.ROOT, ROW_FORMAT, row.name(), row.deliveries(), row.events(),
                    row.latency().p50(), row.latency().p99(), row.latency().p999(), row.latency().max(), row.lost(),
                    row.behind(), row.duplicated(), row.slow()));
        }
        text.append(System.lineSeparator()).append(ratios()).append(System.lineSeparator()).append(backlogs())
                .append(System.lineSeparator());
        text.append(notes()).append(System.lineSeparator()).append(System.lineSeparator()).append("Goals:")
                .append(System.lineSeparator());
        goals().forEach(goal -> text.append("  ").append(goal.line()).append(System.lineSeparator()));
        return text.toString();
    }

    /** The Markdown snippet. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Livelink fan-out (`scenelog bench fanout`, ").append(LocalDate.now(ZoneOffset.UTC))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version().feature()).append(", ").append(environment).append(")\n\n")
                .append(setup()).append("\n\n");
        md.append("| | deliveries/s | events/s | p50 ms | p99 ms | p99.9 ms | max ms | lost | behind | dup | slow |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %d | %s | %s | %s |%n",
                    row.name(), row.deliveries(), row.events(), row.latency().p50(), row.latency().p99(),
                    row.latency().p999(), row.latency().max(), row.lost(), row.behind(), row.duplicated(),
                    row.slow()));
        }
        md.append("\n").append(ratios()).append(" ").append(backlogs()).append(" ").append(notes()).append("\n\n");
        goals().forEach(goal -> md.append("- ").append(goal.line()).append("\n"));
        return md.toString();
    }

    /** The JSON document. */
    String json() {
        return FanoutJson.write(this);
    }

    /** What was run, in one paragraph. */
    String setup() {
        return String.format(Locale.ROOT, "One writer produces transform updates straight to Kafka; the clients are "
                + "headless Livelink clients (Java client library, joined through REST, one session, client 0 an "
                + "editor) of an in-process bridge. First %d s of paced sending through the bridge, not measured (the "
                + "JIT). Paced phases: %,.0f events/s, %d s warm-up, %d s timed; "
                + "saturation: as fast as the slowest client takes the events, at most %d in flight, %d s timed; "
                + "end to end: the editor acts over Livelink at %.0f/s. Peer: a bare Javalin/Jetty WebSocket "
                + "broadcast of the same event frames to as many JDK WebSocket clients, in the same JVM. Commit "
                + "interval %d ms. %s.", settings.platformWarmUp().toSeconds(), settings.rate(),
                settings.warmUp().toSeconds(),
                settings.duration().toSeconds(), FanoutBench.SATURATION_WINDOW, settings.saturation().toSeconds(),
                settings.endToEndRate(), settings.commitInterval().toMillis(), clientSide);
    }

    private String ratios() {
        List<String> parts = new ArrayList<>();
        for (FanoutRun run : runs) {
            parts.add(String.format(Locale.ROOT, "%d clients: paced %.2fx, saturation %.2fx", run.clients(),
                    run.pacedRatio(), run.saturationRatio()));
        }
        return "Bridge deliveries/s over the bare broadcast's (same run, same machine): " + String.join("; ", parts)
                + ".";
    }

    /** Where the saturated bridge's events in flight waited: which part limits its deliveries. */
    private String backlogs() {
        List<String> parts = new ArrayList<>();
        for (FanoutRun run : runs) {
            PhaseDriver.Backlog backlog = run.bridgeSaturated().window().backlog();
            parts.add(String.format(Locale.ROOT, "%d clients: %.0f awaiting commit, %.0f committed and awaiting "
                    + "delivery (%s-bound), of which %.0f per client in the bridge's outbound queue", run.clients(),
                    backlog.awaitingReference(), backlog.awaitingDelivery(),
                    backlog.awaitingReference() > backlog.awaitingDelivery() ? "pipeline" : "fan-out",
                    backlog.queuedPerClient()));
        }
        List<String> queuing = new ArrayList<>();
        for (FanoutRun run : runs) {
            FanoutPhase paced = run.bridgePaced();
            paced.bridgeQueuing().ifPresent(mean -> queuing.add(String.format(Locale.ROOT, "%d clients: the bridge's "
                    + "own timer, pipeline commit to frame queued for every client, mean %.1f ms (commit to client "
                    + "p50 %.1f ms)", run.clients(), mean, paced.outcome().latency().p50())));
        }
        return "Bridge saturation, events in flight on average: " + String.join("; ", parts) + ". Paced: "
                + String.join("; ", queuing) + ".";
    }

    private static String notes() {
        return "Deliveries = events x clients. Latency: bridge rows from the commit (the benchmark's own read_committed"
                + " reader sees the event) to the client's listener; bare rows from the server starting to send the "
                + "frame; end to end from the act() call until the last client has the event. lost: deliveries "
                + "missing though a later event arrived (end to end: actions some client never received); behind: "
                + "deliveries still on their way when the phase's drain time ran out (overload); dup: repeated; "
                + "slow: clients the bridge disconnected as slow consumers.";
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (FanoutRun run : runs) {
            int n = run.clients();
            String rate = String.format(Locale.ROOT, "%,.0f/s", settings.rate());
            rows.add(Row.of(n + " clients: bridge, writer paced at " + rate + " (commit -> client)",
                    run.bridgePaced()));
            rows.add(Row.of(n + " clients: bare broadcast paced at " + rate + " (send -> client)", run.barePaced()));
            rows.add(Row.of(n + " clients: bridge, saturation (commit -> client)", run.bridgeSaturated()));
            rows.add(Row.of(n + " clients: bare broadcast, saturation (send -> client)", run.bareSaturated()));
            EndToEnd e2e = run.endToEnd();
            rows.add(new Row(String.format(Locale.ROOT, "%d clients: end to end, act() -> all %d clients", n, n),
                    "-", String.format(Locale.ROOT, "%.0f", e2e.rate()), e2e.latency(), e2e.latency().missing(),
                    "-", "-", "-"));
        }
        return rows;
    }

    /** One table row; text where a column does not apply. */
    private record Row(String name, String deliveries, String events, Percentiles latency, long lost,
            String behind, String duplicated, String slow) {

        static Row of(String name, FanoutPhase phase) {
            return new Row(name, String.format(Locale.ROOT, "%.0f", phase.deliveriesPerSecond()),
                    String.format(Locale.ROOT, "%.0f", phase.window().events().perSecond()),
                    phase.outcome().latency(), phase.outcome().lost(), String.valueOf(phase.outcome().behind()),
                    String.valueOf(phase.outcome().duplicated()), String.valueOf(phase.slowConsumer()));
        }
    }
}
