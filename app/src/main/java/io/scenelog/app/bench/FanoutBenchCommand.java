package io.scenelog.app.bench;

import io.scenelog.app.cli.HumanDurationConverter;
import io.scenelog.streams.StreamsSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scenelog bench fanout}: the Livelink bridge's fan-out of committed events to connected clients. */
@Command(name = "fanout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the Livelink fan-out in one run, for each number of clients: one writer produces "
                + "transform updates straight to Kafka, paced (--rate) and then as fast as the slowest client takes "
                + "them; every client's delivery is timed from the commit (the benchmark's own read_committed reader "
                + "sees the event) and counted by version (lost, duplicated). Then an editor client acts over "
                + "Livelink, each action timed until every client has its event. The peer, in the same JVM: a bare "
                + "WebSocket broadcast of the same event frames to as many JDK WebSocket clients, paced and "
                + "saturated the same way; the bridge's deliveries/s are reported as a ratio to it.",
            "Starts an embedded broker, the edge with the REST API, platform-streams and a Livelink bridge in this "
                + "JVM; the clients join through the API. Prints a table with the issue's goals judged (PASS/FAIL); "
                + "--json and --markdown write the results to files."})
public final class FanoutBenchCommand implements Callable<Integer> {

    @Option(names = "--clients", paramLabel = "N", split = ",", defaultValue = "50,500",
            description = "Numbers of connected clients, one round of phases each (default: ${DEFAULT-VALUE}).")
    private List<Integer> clients;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "1000",
            description = "The writer's events per second in the paced phases (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "15s",
            converter = HumanDurationConverter.class,
            description = "Timed sending of each paced and end-to-end phase (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--platform-warmup", paramLabel = "DURATION", defaultValue = "120s",
            converter = HumanDurationConverter.class,
            description = "Paced sending through the bridge once, before any phase, not measured: on 2 cores the JVM"
                    + " compiles the bridge's and the pipeline's hot paths for minutes (default: ${DEFAULT-VALUE};"
                    + " 0 skips it).")
    private Duration platformWarmUp;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "30s",
            converter = HumanDurationConverter.class,
            description = "Untimed sending before each paced and end-to-end phase: the first phases run while the "
                    + "JVM still compiles the bridge's and the pipeline's hot paths (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--saturation", paramLabel = "DURATION", defaultValue = "5s",
            converter = HumanDurationConverter.class,
            description = "Timed sending of each saturation phase, after 1 s untimed (default: ${DEFAULT-VALUE}).")
    private Duration saturation;

    @Option(names = "--e2e-rate", paramLabel = "PER_SECOND", defaultValue = "20",
            description = "Actions per second the editor client sends over Livelink in the end-to-end phase "
                    + "(default: ${DEFAULT-VALUE}).")
    private double endToEndRate;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            defaultValue = "" + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS,
            description = "platform-streams' commit interval (default: ${DEFAULT-VALUE}, as in up).")
    private long commitIntervalMs;

    @Mixin
    private BenchOutputOptions output;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        FanoutBenchSettings settings = new FanoutBenchSettings(clients, rate, platformWarmUp, warmUp, duration,
                saturation, endToEndRate, Duration.ofMillis(commitIntervalMs), output.json(), output.markdown());
        PrintWriter out = spec.commandLine().getOut();
        FanoutResults results = new FanoutBench(settings, out).run();
        out.println();
        out.print(results.table());
        out.flush();
        settings.json().ifPresent(file -> BenchFiles.write(file, results.json()));
        settings.markdown().ifPresent(file -> BenchFiles.write(file, results.markdown()));
        return 0;
    }
}
