package io.scenelog.bridge;

import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.bridge.internal.BridgeAssembly;
import io.scenelog.streams.query.SceneStateQueries;
import java.net.URI;
import java.util.Objects;

/**
 * A running Livelink bridge (DESIGN §7, §9): terminates clients' WebSockets at {@code /livelink}, relays their
 * actions to {@code scene-actions}, fans committed events out to every connection of each scene, routes action
 * results back, tracks presence, and serves {@code /health} and {@code /metrics} (and the viewer page when
 * configured). Stateless apart from bounded caches: run as many as needed; each follows the scenes its clients are in.
 *
 * <pre>{@code
 * try (LivelinkBridge bridge = LivelinkBridge.start(BridgeSettings.builder(kafka, registryUrl, key).build(),
 *         streams.queries())) {
 *     System.out.println("Livelink at " + bridge.livelinkUri());
 * }
 * }</pre>
 */
public final class LivelinkBridge implements AutoCloseable {

    private final BridgeAssembly assembly;

    private LivelinkBridge(BridgeAssembly assembly) {
        this.assembly = assembly;
    }

    /**
     * Connects to Kafka and the registry, reads the sessions topic, and starts listening.
     *
     * @param settings the bridge's settings
     * @param queries  the pipeline's state queries (a local {@code PlatformStreams#queries()} or
     *                 {@code RemoteSceneStateQueries.over(...)})
     * @throws BridgeStartupException when Kafka, the registry or the topics are not usable, or the port is taken
     */
    public static LivelinkBridge start(BridgeSettings settings, SceneStateQueries queries) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(queries, "queries");
        return new LivelinkBridge(BridgeAssembly.start(settings, queries));
    }

    /** The port the bridge listens on (the one picked when the settings asked for 0). */
    public int port() {
        return assembly.port();
    }

    /** The bridge's HTTP root, e.g. {@code http://127.0.0.1:8082/}; a wildcard host reads as 127.0.0.1. */
    public URI baseUri() {
        return assembly.baseUri();
    }

    /** The Livelink WebSocket URL, e.g. {@code ws://127.0.0.1:8082/livelink}. */
    public URI livelinkUri() {
        return assembly.livelinkUri();
    }

    /** The settings the bridge runs with. */
    public BridgeSettings settings() {
        return assembly.settings();
    }

    /** Whether the bridge serves, and its parts' states. */
    public BridgeHealth health() {
        return assembly.health();
    }

    /** How many connections are welcomed now. */
    public int connections() {
        return assembly.connections();
    }

    /** The bridge's meters (Prometheus), e.g. to add them to a process-wide registry. */
    public MeterRegistry meterRegistry() {
        return assembly.meterRegistry();
    }

    /** The Prometheus text exposition, as {@code GET /metrics} answers it. */
    public String scrapeMetrics() {
        return assembly.scrapeMetrics();
    }

    /**
     * Tells every client the bridge is stopping (Disconnect SERVER_SHUTDOWN: reconnect to any bridge and resume),
     * removes their presence, stops listening and closes its Kafka clients.
     */
    @Override
    public void close() {
        assembly.close();
    }
}
