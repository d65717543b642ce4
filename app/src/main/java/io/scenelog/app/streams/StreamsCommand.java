package io.scenelog.app.streams;

import io.scenelog.app.cli.ClientOptions;
import io.scenelog.app.cli.StopSignal;
import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the commit pipeline (one platform-streams instance) against a Kafka cluster until Ctrl-C / SIGTERM. */
@Command(name = "streams", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run platform-streams, the Kafka Streams commit pipeline, against a Kafka cluster until "
                + "Ctrl-C / SIGTERM (clean close). Instances with the same --application-id share the scenes' "
                + "partitions; state lives under --state-dir and survives restarts."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after a clean close", "1:did not start, or stopped on an error"})
public final class StreamsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsCommand.class);
    private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    @Mixin
    private ClientOptions client;

    @Option(names = "--token-key-file", paramLabel = "FILE", required = true,
            defaultValue = "${env:SCENELOG_TOKEN_KEY_FILE}",
            description = "The platform's token key (base64), e.g. <data-dir>/secrets/token.key of `scenelog up` "
                    + "(env SCENELOG_TOKEN_KEY_FILE).")
    private Path tokenKeyFile;

    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${env:SCENELOG_STATE_DIR:-scenelog-streams-state}",
            description = "Where state stores live; keep it across restarts (env SCENELOG_STATE_DIR; default: "
                    + "${DEFAULT-VALUE}).")
    private Path stateDirectory;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            defaultValue = "" + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS,
            description = "How often transactions commit: committed events become visible to readers at commit "
                    + "(default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs;

    @Option(names = "--application-id", paramLabel = "ID",
            defaultValue = "${env:SCENELOG_APPLICATION_ID:-" + StreamsSettings.DEFAULT_APPLICATION_ID + "}",
            description = "Kafka Streams application id shared by the instances of one platform (default: "
                    + "${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "${env:SCENELOG_REPLICATION_FACTOR:-3}",
            description = "Replicas of the changelogs and topics it creates: 3 in a cluster, 1 on one machine "
                    + "(default: ${DEFAULT-VALUE}).")
    private short replicationFactor;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + StreamsSettings.DEFAULT_STREAM_THREADS,
            description = "Stream threads of this instance (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--standby-replicas", paramLabel = "N", defaultValue = "0",
            description = "Warm copies of each store on other instances (default: ${DEFAULT-VALUE}).")
    private int standbyReplicas;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "${env:SCENELOG_INSTANCE_ID}",
            description = "A stable name for this instance (static group membership): restarted with the same "
                    + "name, even after a crash, it takes its partitions back at once instead of waiting for the "
                    + "group to time the old instance out (env SCENELOG_INSTANCE_ID).")
    private String instanceId;

    @Option(names = "--application-server", paramLabel = "HOST:PORT",
            defaultValue = "${env:SCENELOG_APPLICATION_SERVER}",
            description = "Where this instance serves state queries to its peers and to REST edges (Kafka Streams'"
                    + " application.server; port 0 for a free one). Needed for the REST API's entity reads "
                    + "(env SCENELOG_APPLICATION_SERVER).")
    private String applicationServer;

    @Option(names = "--kafka-config", paramLabel = "KEY=VALUE",
            description = "Further Kafka Streams or client settings, e.g. security.protocol=SASL_SSL (repeatable).")
    private Map<String, String> kafkaConfig = new LinkedHashMap<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (commitIntervalMs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--commit-interval-ms " + commitIntervalMs
                    + " must be at least 1");
        }
        StreamsSettings settings = StreamsSettings.builder(client.bootstrapServers(),
                        client.registryUrl().toString(), TokenKeyFile.read(tokenKeyFile))
                .applicationId(applicationId)
                .stateDir(stateDirectory.toAbsolutePath().normalize())
                .commitInterval(Duration.ofMillis(commitIntervalMs))
                .replicationFactor(replicationFactor)
                .streamThreads(threads)
                .standbyReplicas(standbyReplicas)
                .kafkaOverrides(StaticMembership.with(kafkaConfig, instanceId))
                .applicationServer(applicationServer)
                .build();
        ContractSchemas.publish(ClientConfigs.registry(client.registryUrl()));
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        // The signal is closed last: a SIGTERM's hook waits until the pipeline has closed cleanly.
        try (StopSignal signal = StopSignal.install("scenelog-streams-stop", stopped::countDown, STOP_GRACE);
                PlatformStreams platform = PlatformStreams.start(settings)) {
            out.println("Platform streams is up.");
            out.println(StreamsSummary.line(settings, platform));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            while (!stopped.await(HEALTH_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!StreamsSummary.running(platform)) {
                    LOG.error("Platform streams stopped processing (state {}); shutting down.", platform.state());
                    return 1;
                }
            }
            LOG.info("Stopping platform streams (application {}).", settings.applicationId());
            return 0;
        }
    }
}
