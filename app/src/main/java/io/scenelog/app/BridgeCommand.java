package io.scenelog.app;

import io.scenelog.app.cli.RegistryUrl;
import io.scenelog.app.cli.StopSignal;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.LivelinkBridge;
import io.scenelog.streams.query.RemoteSceneStateQueries;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
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
 * Runs one Livelink bridge of a cluster: browsers' and headless clients' WebSockets, the action relay, the event
 * fan-out and the viewer page. Bridges keep no state of their own: run as many as the clients need.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a Livelink bridge against a Kafka cluster until Ctrl-C / SIGTERM: the Livelink WebSocket "
                + "endpoint (/livelink), the viewer page (/), /health and /metrics on one HTTP port.")
final class BridgeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeCommand.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Mixin
    private KafkaOptions kafka;

    @Mixin
    private PlatformRoleOptions platform;

    @Option(names = "--host", defaultValue = "${env:SCENELOG_BRIDGE_HOST:-127.0.0.1}",
            description = "Interface to listen on (env SCENELOG_BRIDGE_HOST; default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "${env:SCENELOG_BRIDGE_PORT:-8082}",
            description = "HTTP/WebSocket port (env SCENELOG_BRIDGE_PORT; default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = "${env:SCENELOG_REST_URL:-http://127.0.0.1:8080}",
            description = "The REST API as browsers reach it: the viewer page joins sessions there (the edge must "
                    + "list this bridge's origin in its --browser-origin) (env SCENELOG_REST_URL; default: "
                    + "${DEFAULT-VALUE}).")
    private String restUrl;

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", split = ",",
            description = "Further browser origins (scheme://host:port) whose pages may open Livelink connections, "
                    + "besides the bridge's own viewer page; programs without an Origin header are always allowed.")
    private List<String> allowedOrigins = List.of();

    @Option(names = "--bridge-id", paramLabel = "NAME", defaultValue = "${env:SCENELOG_BRIDGE_ID:-${env:HOSTNAME:-"
            + "bridge}}",
            description = "This instance's name in Welcome frames, logs and metrics (env SCENELOG_BRIDGE_ID; "
                    + "default: ${DEFAULT-VALUE}).")
    private String bridgeId;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        URI registry = RegistryUrl.parse(platform.registryUrl);
        BridgeSettings settings = BridgeSettings.builder(kafka.bootstrapServers, registry.toString(),
                        TokenKeyFile.read(platform.tokenKeyFile))
                .host(host)
                .port(port)
                .allowedOrigins(new LinkedHashSet<>(allowedOrigins))
                .bridgeId(bridgeId)
                .viewer(restUrl)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal signal = StopSignal.install("scenelog-bridge-stop", stopped::countDown, STOP_GRACE);
                LivelinkBridge bridge = LivelinkBridge.start(settings, RemoteSceneStateQueries.over(
                        platform.streamsQuery,
                        ClientConfigs.registry(registry)))) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Bridge " + bridgeId + ": Livelink at " + bridge.livelinkUri() + ", viewer at "
                    + bridge.baseUri() + " (Kafka " + kafka.bootstrapServers + ", state queries "
                    + String.join(",", platform.streamsQuery) + ")");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            LOG.info("Stopping the bridge.");
            return 0;
        }
    }
}
