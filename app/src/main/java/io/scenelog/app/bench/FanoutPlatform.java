package io.scenelog.app.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.scenelog.app.FreePort;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.LivelinkBridge;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The platform as {@code up} wires it, for the fan-out benchmark: an embedded broker and the catalogue
 * ({@link BenchEnvironment}), the edge with the REST API (which hands joining clients the bridge's URL) and the
 * registry, platform-streams with its state queries attached to the API, and a Livelink bridge with its default
 * limits on the pipeline's queries. Everything runs in this JVM, beside the clients: they all share the machine's
 * cores.
 */
final class FanoutPlatform implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /** This benchmark joins hundreds of clients with one admin token: the API's per-principal limit would refuse. */
    private static final double API_RATE = 100_000;
    private static final String SLOW_CONSUMERS = "scenelog_bridge_slow_consumers_dropped";
    private static final String QUEUED_FRAMES = "scenelog_bridge_queued_frames";
    private static final String FANOUT_LATENCY = "scenelog_bridge_fanout_latency";

    private final BenchEnvironment environment;
    private final PlatformStreams streams;
    private final LivelinkBridge bridge;
    private final String adminKey;

    private FanoutPlatform(BenchEnvironment environment, PlatformStreams streams, LivelinkBridge bridge,
            String adminKey) {
        this.environment = environment;
        this.streams = streams;
        this.bridge = bridge;
        this.adminKey = adminKey;
    }

    /** Starts every part, or stops those already started and rethrows. */
    static FanoutPlatform start(Duration commitInterval) {
        TokenKey key = TokenKey.generate();
        // The edge tells joining clients where the bridge is, and the bridge needs the edge's registry: the
        // bridge's port is chosen before either starts.
        int bridgePort = FreePort.on(HOST);
        RestApi[] api = new RestApi[1];
        BenchEnvironment environment = BenchEnvironment.start(Optional.empty(), Optional.empty(),
                (servers, directory) -> {
                    api[0] = RestApi.create(ApiSettings.defaults(key, directory.resolve("blobs"))
                            .withLivelinkUrl("ws://" + HOST + ":" + bridgePort + BridgeSettings.LIVELINK_PATH)
                            .withRateLimit(API_RATE, (int) (2 * API_RATE)));
                    // the edge closes the API with itself
                    return EdgeServer.start(EdgeSettings.defaults(servers).withPort(0), api[0]);
                });
        PlatformStreams streams = null;
        LivelinkBridge bridge = null;
        try {
            String applicationId = "scenelog-bench-fanout-" + UUID.randomUUID().toString().substring(0, 8);
            streams = PlatformStreams.start(StreamsSettings.builder(environment.bootstrapServers(),
                    environment.registryUrl().toString(), key)
                    .applicationId(applicationId)
                    .stateDir(environment.stateDirectory(applicationId))
                    .commitInterval(commitInterval)
                    .provisionTopics(false)
                    // the state queries (the API's reads, the bridge's joins) need Kafka Streams' metadata, which
                    // exists only with an application.server
                    .applicationServer(HOST + ":0")
                    .build());
            PlatformStreams running = streams;
            api[0].pipeline().attachQueries(running.queries());
            api[0].pipeline().attachLocalPipeline(() -> running.state().name());
            bridge = LivelinkBridge.start(BridgeSettings.builder(environment.bootstrapServers(),
                    environment.registryUrl().toString(), key)
                    .host(HOST)
                    .port(bridgePort)
                    .bridgeId("bridge-bench-fanout")
                    .build(), running.queries());
            String adminKey = api[0].createFirstAdminKey().orElseThrow(() -> new IllegalStateException(
                    "The benchmark's fresh REST API already had API keys, so it created no first admin key"));
            return new FanoutPlatform(environment, streams, bridge, adminKey);
        } catch (RuntimeException e) {
            if (bridge != null) {
                bridge.close();
            }
            if (streams != null) {
                streams.close();
            }
            environment.close();
            throw e;
        }
    }

    /** The REST API's base URI, ending in a slash. */
    URI apiUri() {
        return URI.create(environment.registryUrl().toString() + "/");
    }

    String adminKey() {
        return adminKey;
    }

    String bootstrapServers() {
        return environment.bootstrapServers();
    }

    SchemaRegistryClient registry() {
        return environment.registry();
    }

    String describe() {
        return environment.describe() + ", platform-streams, the edge and the bridge in the same JVM";
    }

    /** Clients the bridge has disconnected as slow consumers since it started. */
    long slowConsumerDrops() {
        Counter counter = bridge.meterRegistry().find(SLOW_CONSUMERS).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** Frames waiting in the bridge's outbound queues now, all clients together. */
    long queuedFrames() {
        Gauge gauge = bridge.meterRegistry().find(QUEUED_FRAMES).gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }

    /** The bridge's own fan-out timer now: from the pipeline's commit timestamp to the frame in every client queue. */
    TimerReading fanoutTimer() {
        Timer timer = bridge.meterRegistry().find(FANOUT_LATENCY).timer();
        return timer == null ? new TimerReading(0, 0)
                : new TimerReading(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS));
    }

    /**
     * A timer's totals at one instant.
     *
     * @param count   events timed
     * @param totalMs their total time
     */
    record TimerReading(long count, double totalMs) {

        /** The mean of the events timed since {@code earlier}, if any. */
        OptionalDouble meanSince(TimerReading earlier) {
            long events = count - earlier.count;
            return events > 0 ? OptionalDouble.of((totalMs - earlier.totalMs) / events) : OptionalDouble.empty();
        }
    }

    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            try {
                streams.close();
            } finally {
                environment.close();
            }
        }
    }
}
