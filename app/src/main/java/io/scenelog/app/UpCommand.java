package io.scenelog.app;

import io.scenelog.streams.StreamsSettings;
import io.scenelog.topics.TopicStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole platform on this machine until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the whole platform on this machine: a Kafka broker (KRaft) in its own process, "
                + "the topic catalogue, the REST API with the schema registry, platform-streams (the commit "
                + "pipeline), a Livelink bridge with the viewer page and a render node (one Vulkan renderer process "
                + "per session); seeds a demo scene. Stops cleanly on Ctrl-C / SIGTERM; data survives restarts.")
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);
    private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:SCENELOG_DATA_DIR:-scenelog-data}",
            description = "Where all data lives (env SCENELOG_DATA_DIR; default: ${DEFAULT-VALUE}, "
                    + "relative to the working directory).")
    private Path dataDirectory;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface every server binds to and advertises (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Kafka client port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093",
            description = "Kafka KRaft controller port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int controllerPort;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "HTTP port of the edge: REST API and schema registry (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--bridge-port", defaultValue = "8082",
            description = "The Livelink bridge's port: WebSockets and the viewer page (default: ${DEFAULT-VALUE}; 0 "
                    + "picks a free port).")
    private int bridgePort;

    @Option(names = "--broker-heap", defaultValue = "512m",
            description = "Heap cap of the Kafka broker's JVM (default: ${DEFAULT-VALUE}).")
    private String brokerHeap;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            defaultValue = "" + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS,
            description = "How often platform-streams commits; committed events become visible then "
                    + "(default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs;

    @Option(names = "--render-capacity", paramLabel = "N", defaultValue = "2",
            description = "Sessions the local render node renders at once, one renderer process each; 0 starts no "
                    + "render node (default: ${DEFAULT-VALUE}).")
    private int renderCapacity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        UpSettings settings = new UpSettings(dataDirectory, host, kafkaPort, controllerPort, httpPort, bridgePort,
                brokerHeap, Duration.ofMillis(commitIntervalMs), renderCapacity);
        LocalPlatform platform = LocalPlatform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Set before closing: the health check below must not take the parts stopping here for a failure.
            stopping.set(true);
            LOG.info("Stopping Scenelog.");
            platform.close();
            stopped.countDown();
        }, "scenelog-shutdown"));
        printSummary(spec.commandLine().getOut(), settings, platform);
        while (!stopped.await(HEALTH_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
            Optional<String> failure = platform.failure();
            if (failure.isPresent() && !stopping.get()) {
                LOG.error("Scenelog is shutting down: {} unexpectedly (data in {}).", failure.get(),
                        settings.dataDirectory());
                platform.close();
                return 1;
            }
        }
        return 0;
    }

    private static void printSummary(PrintWriter out, UpSettings settings, LocalPlatform platform) {
        out.println("Scenelog is up.");
        out.println("  REST API:         " + platform.apiUrl() + " (docs: " + platform.apiUrl() + "docs)");
        platform.firstAdminKey().ifPresent(key -> {
            out.println("  Admin API key:    " + key);
            out.println("                    (shown this once; it is stored hashed. Exchange it for a token:");
            out.println("                    curl -X POST -H 'X-Api-Key: <key>' " + platform.apiUrl() + "tokens)");
        });
        out.println("  Viewer:           " + platform.viewerUrl() + " (open it, paste the admin API key)");
        out.println("  Demo scene:       " + platform.demoSceneUrl());
        out.println("  Livelink:         " + platform.livelinkUrl());
        out.println("  Render node:      " + platform.renderNodeSummary());
        out.println("  Kafka bootstrap:  " + platform.bootstrapServers());
        out.println("  Schema registry:  " + platform.registryUrl());
        out.println(platform.streamsSummary());
        out.println("  State queries:    " + platform.streamsQueryAddress());
        out.println("  Token key:        " + settings.tokenKeyFile() + (platform.tokenKeyCreated() ? " (created)"
                : " (reused)") + "; mint tools' tokens with --token-key-file");
        out.println("  Data directory:   " + settings.dataDirectory());
        out.println("  Topics:           " + platform.topics().stream()
                .filter(t -> t.state() == TopicStatus.State.CREATED).count() + " created, "
                + platform.topics().stream().filter(t -> t.state() == TopicStatus.State.VERIFIED).count()
                + " verified");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
