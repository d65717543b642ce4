package io.scenelog.app.bench;

import io.scenelog.app.cli.HumanDurationConverter;
import io.scenelog.app.cli.RegistryUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scenelog bench commit}: the commit pipeline's throughput and latency against bare peers. */
@Command(name = "commit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the commit pipeline in one run: throughput of actions -> committed events with "
                + "exactly-once and at-least-once against a bare consume -> decide -> produce loop (same "
                + "validation code), and latency from the intended send time to visibility for read_committed "
                + "readers at a constant rate, per commit interval, against a bare produce -> consume.",
            "Starts an embedded broker and registry unless --bootstrap-servers is given. Prints a table; "
                + "--markdown writes a snippet for the README."})
public final class CommitBenchCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Benchmark this cluster instead of an embedded broker (it writes to the catalogue's "
                    + "topics with fresh scene ids: use a test cluster).")
    private String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "The registry of that cluster (default: one started in this process).")
    private String registryUrl;

    @Option(names = "--quick", description = "A short smoke run (" + CommitBenchSettings.QUICK_ACTIONS
            + " actions, 2 s per latency run): checks the benchmark works, its figures mean little.")
    private boolean quick;

    @Option(names = "--actions", paramLabel = "N", description = "Actions per throughput run (default: "
            + CommitBenchSettings.FULL_ACTIONS + ", --quick " + CommitBenchSettings.QUICK_ACTIONS + ").")
    private Long actions;

    @Option(names = "--warmup-rounds", paramLabel = "N", description = "Rounds of throughput runs run first and not"
            + " counted, while the JIT settles (default: " + CommitBenchSettings.FULL_WARMUP_ROUNDS + ", --quick "
            + CommitBenchSettings.QUICK_WARMUP_ROUNDS + ").")
    private Integer warmupRounds;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds of throughput runs (bare loop, exactly-once,"
            + " at-least-once), reported with their median (default: " + CommitBenchSettings.FULL_ROUNDS + ", --quick "
            + CommitBenchSettings.QUICK_ROUNDS + ").")
    private Integer rounds;

    @Option(names = "--throughput-commit-interval", paramLabel = "DURATION", defaultValue = "100ms",
            converter = HumanDurationConverter.class,
            description = "Commit interval of the throughput runs (default: ${DEFAULT-VALUE}).")
    private Duration throughputInterval;

    @Option(names = "--latency-rate", paramLabel = "PER_SECOND", defaultValue = "1000",
            description = "Actions per second of the latency runs (default: ${DEFAULT-VALUE}).")
    private double latencyRate;

    @Option(names = "--latency-duration", paramLabel = "DURATION", converter = HumanDurationConverter.class,
            description = "Sending time of each latency run (default: 15s, --quick 2s).")
    private Duration latencyDuration;

    @Option(names = "--latency-warm-up", paramLabel = "DURATION", converter = HumanDurationConverter.class,
            description = "Untimed sending before each latency run (default: 3s, --quick 1s).")
    private Duration latencyWarmUp;

    @Option(names = "--commit-intervals", paramLabel = "MS[,MS...]", split = ",", defaultValue = "10,50,100",
            description = "Commit intervals whose latency is measured, in ms (default: ${DEFAULT-VALUE}).")
    private long[] commitIntervals;

    @Option(names = "--run-timeout", paramLabel = "DURATION", defaultValue = "5m",
            converter = HumanDurationConverter.class,
            description = "Give up when one run takes longer (default: ${DEFAULT-VALUE}).")
    private Duration runTimeout;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as Markdown here.")
    private Path markdown;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommitBenchSettings settings = new CommitBenchSettings(Optional.ofNullable(bootstrapServers),
                Optional.ofNullable(registryUrl).map(RegistryUrl::parse),
                actions != null ? actions
                        : quick ? CommitBenchSettings.QUICK_ACTIONS : CommitBenchSettings.FULL_ACTIONS,
                warmupRounds != null ? warmupRounds
                        : quick ? CommitBenchSettings.QUICK_WARMUP_ROUNDS : CommitBenchSettings.FULL_WARMUP_ROUNDS,
                rounds != null ? rounds : quick ? CommitBenchSettings.QUICK_ROUNDS : CommitBenchSettings.FULL_ROUNDS,
                throughputInterval, latencyRate,
                latencyWarmUp != null ? latencyWarmUp
                        : quick ? CommitBenchSettings.QUICK_LATENCY_WARM_UP : CommitBenchSettings.FULL_LATENCY_WARM_UP,
                latencyDuration != null ? latencyDuration
                        : quick ? CommitBenchSettings.QUICK_LATENCY_DURATION
                                : CommitBenchSettings.FULL_LATENCY_DURATION,
                Arrays.stream(commitIntervals).mapToObj(Duration::ofMillis).toList(), runTimeout,
                Optional.ofNullable(markdown));
        PrintWriter out = spec.commandLine().getOut();
        BenchResults results = new CommitBench(settings, out).run();
        out.println();
        out.print(results.table());
        out.flush();
        settings.markdown().ifPresent(file -> BenchFiles.write(file, results.markdown()));
        return 0;
    }

    /** Writes a benchmark's results (a Markdown snippet, a JSON document), creating the directory. */
}
