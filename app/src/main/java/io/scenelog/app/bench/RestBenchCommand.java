package io.scenelog.app.bench;

import io.scenelog.app.cli.HumanDurationConverter;
import io.scenelog.streams.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scenelog bench rest}: the REST API's entity reads and writes under concurrent clients, and its overhead. */
@Command(name = "rest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the REST API in one run: requests/s and latency percentiles of entity reads (GET) and "
                + "entity writes (PATCH, waiting for the commit) with concurrent clients in closed loops, each client "
                + "with its own API key and token; then the same writes produced straight to Kafka, by as many "
                + "clients in closed loops and paced at the rate the REST writes reached, timed until their "
                + "ActionResult is visible, so the REST overhead is a ratio to the commit pipeline's own.",
            "Starts an embedded broker, the edge with the REST API and platform-streams in this JVM; sets up "
                + "through the API. Failed requests are counted and printed with their bodies. Prints a table; "
                + "--markdown writes a snippet for the README."})
public final class RestBenchCommand implements Callable<Integer> {

    @Option(names = "--clients", paramLabel = "N", defaultValue = "" + RestBenchSettings.DEFAULT_CLIENTS,
            description = "Concurrent clients, each with its own API key (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "15s",
            converter = HumanDurationConverter.class,
            description = "Timed load per phase (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
            converter = HumanDurationConverter.class,
            description = "Untimed load before each phase (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--entities", paramLabel = "N", defaultValue = "" + RestBenchSettings.DEFAULT_ENTITIES,
            description = "Entities in the scene, shared out among the clients for writes (default: "
                    + "${DEFAULT-VALUE}).")
    private int entities;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            defaultValue = "" + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS,
            description = "platform-streams' commit interval (default: ${DEFAULT-VALUE}, as in up).")
    private long commitIntervalMs;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND",
            description = "The API's per-principal limit in requests/s, burst twice that (default: the API's own, "
                    + "200/s burst 400). Raise it when one client alone exceeds it (few clients); the table says "
                    + "which limit applied.")
    private Double rateLimit;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = HumanDurationConverter.class,
            description = "A request without an answer this long counts as an error (default: ${DEFAULT-VALUE}).")
    private Duration requestTimeout;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as Markdown here.")
    private Path markdown;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        RestBenchSettings settings = new RestBenchSettings(clients, warmUp, duration, entities,
                Duration.ofMillis(commitIntervalMs), Optional.ofNullable(rateLimit), requestTimeout,
                Optional.ofNullable(markdown));
        PrintWriter out = spec.commandLine().getOut();
        RestBenchResults results = new RestBench(settings, out).run();
        out.println();
        out.print(results.table());
        out.flush();
        settings.markdown().ifPresent(file -> BenchFiles.write(file, results.markdown()));
        return 0;
    }
}
