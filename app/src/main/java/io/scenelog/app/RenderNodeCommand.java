package io.scenelog.app;

import io.scenelog.app.cli.RegistryUrl;
import io.scenelog.app.cli.StopSignal;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.renderer.node.RenderNode;
import io.scenelog.renderer.node.RenderNodeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs one render node of a cluster: announces the node's capacity in {@code render-nodes}, starts one renderer
 * process per session the platform assigns to it, and shares one asset cache between them. Add nodes to add
 * rendering capacity; the platform spreads sessions over them and moves a dead node's sessions elsewhere.
 */
@Command(name = "render-node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a render node against a Kafka cluster until Ctrl-C / SIGTERM: one Vulkan renderer process "
                + "per assigned session (its frame endpoint is what bridges stream video from), heartbeats, the node's "
                + "asset cache.")
final class RenderNodeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RenderNodeCommand.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Mixin
    private KafkaOptions kafka;

    @Mixin
    private PlatformRoleOptions platform;

    @Option(names = "--node-id", paramLabel = "NAME", defaultValue = "${env:SCENELOG_NODE_ID:-${env:HOSTNAME:-"
            + "render-node}}",
            description = "The node's stable name in render-nodes, kept across restarts (env SCENELOG_NODE_ID; "
                    + "default: ${DEFAULT-VALUE}).")
    private String nodeId;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "${env:SCENELOG_NODE_CAPACITY:-4}",
            description = "How many sessions (renderer processes) the node hosts at once (env "
                    + "SCENELOG_NODE_CAPACITY; default: ${DEFAULT-VALUE}).")
    private int capacity;

    @Option(names = "--host", defaultValue = "${env:SCENELOG_NODE_HOST:-127.0.0.1}",
            description = "The host name bridges reach this node's renderers at (env SCENELOG_NODE_HOST; default: "
                    + "${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--bind-host", defaultValue = "${env:SCENELOG_NODE_BIND_HOST:-127.0.0.1}",
            description = "The interface renderers' frame endpoints listen on (env SCENELOG_NODE_BIND_HOST; default: "
                    + "${DEFAULT-VALUE}).")
    private String bindHost;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = "${env:SCENELOG_REST_URL:-http://127.0.0.1:8080}",
            description = "The REST edge the node's cache fetches asset blobs from (env SCENELOG_REST_URL; default: "
                    + "${DEFAULT-VALUE}).")
    private String restUrl;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${env:SCENELOG_NODE_DIR:-scenelog-node}",
            description = "Where the node keeps its files; the asset cache lives in its cache/ (env SCENELOG_NODE_DIR; "
                    + "default: ${DEFAULT-VALUE}).")
    private Path workDirectory;

    @Option(names = "--cache-max-bytes", paramLabel = "BYTES", defaultValue = "${env:SCENELOG_CACHE_MAX_BYTES:-"
            + "2147483648}",
            description = "The most bytes the node's asset cache keeps on disk (env SCENELOG_CACHE_MAX_BYTES; default: "
                    + "${DEFAULT-VALUE}).")
    private long cacheMaxBytes;

    @Option(names = "--idle-timeout-s", paramLabel = "SECONDS", defaultValue = "300",
            description = "A running session without clients for this long is ended (default: ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds;

    @Option(names = "--renderer-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for every renderer process (repeat for several), e.g. -Xmx768m.")
    private List<String> rendererJvmOptions = List.of();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        RenderNodeSettings settings = RenderNodeSettings.builder(nodeId, kafka.bootstrapServers,
                        RegistryUrl.parse(platform.registryUrl).toString(), TokenKeyFile.read(platform.tokenKeyFile),
                        workDirectory)
                .capacity(capacity)
                .hosts(host, bindHost)
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .renderer(RenderNodeSettings.DEFAULT_RENDERER_MAIN, rendererJvmOptions)
                .cache(workDirectory.resolve("cache"), cacheMaxBytes)
                .assetBaseUrl(restUrl)
                .streamsQueryEndpoints(platform.streamsQuery)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal signal = StopSignal.install("scenelog-render-node-stop", stopped::countDown, STOP_GRACE);
                RenderNode node = RenderNode.start(settings)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Render node " + node.nodeId() + ": " + capacity + " sessions at most, renderers on "
                    + bindHost + " (advertised as " + host + "), cache " + settings.cacheDirectory() + " (Kafka "
                    + kafka.bootstrapServers + ")");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            LOG.info("Stopping the render node.");
            return 0;
        }
    }
}
