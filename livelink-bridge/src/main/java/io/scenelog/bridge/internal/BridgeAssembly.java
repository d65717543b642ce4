package io.scenelog.bridge.internal;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.bridge.BridgeHealth;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.BridgeStartupException;
import io.scenelog.bridge.internal.connection.Connection;
import io.scenelog.bridge.internal.connection.ConnectionRegistry;
import io.scenelog.bridge.internal.connection.ConnectionServices;
import io.scenelog.bridge.internal.connection.LivelinkEndpoint;
import io.scenelog.bridge.internal.connection.ResultRouter;
import io.scenelog.bridge.internal.connection.SessionSweeper;
import io.scenelog.bridge.internal.feed.EventEntry;
import io.scenelog.bridge.internal.feed.EventFrames;
import io.scenelog.bridge.internal.feed.FeedListener;
import io.scenelog.bridge.internal.feed.LogCatchUp;
import io.scenelog.bridge.internal.feed.SceneFeed;
import io.scenelog.bridge.internal.feed.WindowBounds;
import io.scenelog.bridge.internal.http.OpsRoutes;
import io.scenelog.bridge.internal.query.EntityQueries;
import io.scenelog.bridge.internal.relay.ActionRelay;
import io.scenelog.bridge.internal.session.SessionDirectory;
import io.scenelog.bridge.internal.video.VideoRouter;
import io.scenelog.bridge.viewer.ViewerRoutes;
import io.scenelog.bridge.viewer.ViewerSettings;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.topics.TopicView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a bridge from its parts, in dependency order, and takes it apart in reverse: metrics, the sessions view,
 * the scene feed with its results router, the log catch-up, the action relay, the threads, the Livelink endpoint and
 * the HTTP server with the operational routes (and the viewer page when configured).
 */
public final class BridgeAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeAssembly.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(2);
    private static final int HANDSHAKE_THREADS = 4;
    private static final int QUERY_THREADS = 2;
    private static final int WORK_QUEUE = 256;

    private final BridgeSettings settings;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private BridgeMetrics metrics;
    private SessionDirectory sessions;
    private SceneFeed feed;
    private LivelinkEndpoint endpoint;
    private ConnectionRegistry connections;
    private Javalin app;
    private volatile URI livelinkUri;

    private BridgeAssembly(BridgeSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts a bridge.
     *
     * @throws BridgeStartupException when a part cannot start
     */
    public static BridgeAssembly start(BridgeSettings settings, SceneStateQueries queries) {
        BridgeAssembly assembly = new BridgeAssembly(settings);
        try {
            assembly.build(queries);
            return assembly;
        } catch (RuntimeException e) {
            assembly.close();
            if (e instanceof BridgeStartupException) {
                throw e;
            }
            throw new BridgeStartupException("The Livelink bridge " + settings.bridgeId() + " could not start (Kafka "
                    + settings.bootstrapServers() + ", registry " + settings.schemaRegistryUrl() + ", port "
                    + settings.port() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assembly.close();
            throw new BridgeStartupException("Interrupted while starting the Livelink bridge", e);
        }
    }

    private void build(SceneStateQueries queries) throws InterruptedException {
        Map<String, Object> base = new HashMap<>(settings.kafkaOverrides());
        base.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(URI.create(settings.schemaRegistryUrl())));
        FrameCodec codec = new FrameCodec(settings.limits().maxFrameBytes());
        AtomicLong queuedFrames = new AtomicLong();
        connections = new ConnectionRegistry();
        metrics = own(new BridgeMetrics(() -> connections.size(), queuedFrames::get,
                () -> feed == null ? 0 : feed.windowCount()));
        sessions = own(SessionDirectory.follow(TopicView.readCommittedFollower(base, "scenelog-bridge-sessions"),
                registry));
        try {
            sessions.awaitCaughtUp(BOOT_TIMEOUT);
        } catch (TimeoutException e) {
            throw new BridgeStartupException("The bridge could not read the sessions topic within " + BOOT_TIMEOUT
                    + " from Kafka " + settings.bootstrapServers(), e);
        }
        EventFrames frames = new EventFrames(codec, registry);
        feed = own(new SceneFeed(TopicView.readCommittedFollower(base, "scenelog-bridge-feed"), frames,
                new ResultRouter(connections, registry), feedListener(), new WindowBounds(
                        settings.resumeWindowEvents(), settings.resumeWindowBytes(), settings.resumeWindowGrace())));
        Map<String, Object> catchUpConfig = TopicView.readCommittedFollower(base, "scenelog-bridge-catch-up");
        catchUpConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        LogCatchUp catchUp = new LogCatchUp(catchUpConfig, frames, CATCH_UP_TIMEOUT, metrics::caughtUpRecordsRead,
                problem -> metrics.undeliverable());
        ActionRelay relay = own(new ActionRelay(base, registry));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, daemons("scenelog-bridge-timer"));
        // A closed connection cancels its timers (its token's expiry may be hours away): drop them from the queue
        // at once, or each would keep its connection in memory until it was due.
        timers.setRemoveOnCancelPolicy(true);
        own((ScheduledExecutorService) timers);
        metrics.watchTimers(() -> timers.getQueue().size());
        ExecutorService handshakes = own(pool("scenelog-bridge-handshake", HANDSHAKE_THREADS));
        ExecutorService queryWorkers = own(pool("scenelog-bridge-query", QUERY_THREADS));
        Clock clock = Clock.systemUTC();
        VideoRouter video = own(new VideoRouter(codec, new TokenIssuer(settings.tokenKey(), clock), settings.bridgeId(),
                settings.video(), timers, sessions::session, clock));
        metrics.watchRenderLinks(video::linkedSessions);
        ConnectionServices services = new ConnectionServices(settings, codec,
                new TokenVerifier(settings.tokenKey(), clock), new TokenIssuer(settings.tokenKey(), clock), sessions,
                feed, catchUp, queries, new EntityQueries(queries, settings.limits().maxFrameBytes(),
                        Duration.ofSeconds(3)), relay, connections, timers, handshakes, queryWorkers, metrics,
                queuedFrames, clock, video);
        endpoint = new LivelinkEndpoint(services);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            endpoint.mount(config);
            OpsRoutes.mount(config.routes, this::health, metrics);
            // The viewer page (package io.scenelog.bridge.viewer), served from the same origin as /livelink so the
            // Origin check admits it without configuration.
            settings.viewerRestBaseUrl().ifPresent(rest -> ViewerRoutes.mount(config.routes,
                    () -> ViewerSettings.of(rest, livelinkUri.toString())));
        });
        app.start();
        parts.push(this::stopServer);
        livelinkUri = URI.create("ws://" + host() + ":" + app.port() + BridgeSettings.LIVELINK_PATH);
        timers.scheduleWithFixedDelay(new SessionSweeper(connections, sessions), SWEEP_INTERVAL.toMillis(),
                SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        // Renderers are replaced after a crash (a new frame endpoint in the sessions view): links follow within a
        // sweep.
        timers.scheduleWithFixedDelay(() -> refreshVideo(video), SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Livelink bridge {} listening on {} (Kafka {}, registry {}).", settings.bridgeId(), livelinkUri,
                settings.bootstrapServers(), settings.schemaRegistryUrl());
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** The HTTP root. */
    public URI baseUri() {
        return URI.create("http://" + host() + ":" + port() + "/");
    }

    /** The Livelink URL. */
    public URI livelinkUri() {
        return livelinkUri;
    }

    /** The settings. */
    public BridgeSettings settings() {
        return settings;
    }

    /** The parts' states. */
    public BridgeHealth health() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("sceneFeed", feed != null && feed.healthy() ? "UP" : "DOWN");
        checks.put("sessionsView", sessions != null && sessions.healthy() ? "UP" : "DOWN");
        return new BridgeHealth(checks.values().stream().allMatch("UP"::equals), checks);
    }

    /** Welcomed connections. */
    public int connections() {
        return connections.size();
    }

    /** The meters. */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** The Prometheus text. */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Closing a part of bridge {} failed: {}", settings.bridgeId(), e.toString());
            }
        }
    }

    private void stopServer() {
        if (endpoint != null) {
            for (Connection connection : endpoint.connections()) {
                connection.shutDown();
            }
            long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
            while (endpoint.openSockets() > 0 && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        app.stop();
        LOG.info("Livelink bridge {} stopped.", settings.bridgeId());
    }

    private static void refreshVideo(VideoRouter video) {
        try {
            video.refresh();
        } catch (RuntimeException e) {
            // A timer task that throws is never run again: log and keep following.
            LOG.error("Pointing the renderer links at the sessions' frame endpoints failed.", e);
        }
    }

    private FeedListener feedListener() {
        return new FeedListener() {
            @Override
            public void eventFannedOut(EventEntry entry, int sinks) {
                if (sinks > 0) {
                    metrics.fannedOut(Duration.between(entry.header().committedAt(), Instant.now()));
                }
            }

            @Override
            public void eventUndeliverable(RuntimeException problem) {
                metrics.undeliverable();
            }

            @Override
            public void feedFailed(RuntimeException problem) {
                LOG.error("Bridge {} no longer follows the commit log; /health reports DOWN and its clients are told"
                        + " to reconnect (to another bridge).", settings.bridgeId());
                // Left open, they would hear heartbeats but never another event, and never know.
                if (endpoint != null) {
                    for (Connection connection : endpoint.connections()) {
                        connection.shutDown();
                    }
                }
            }
        };
    }

    private String host() {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private <T extends AutoCloseable> T own(T part) {
        parts.push(part);
        return part;
    }

    private ScheduledExecutorService own(ScheduledExecutorService executor) {
        parts.push(executor::shutdownNow);
        return executor;
    }

    private ExecutorService own(ExecutorService executor) {
        parts.push(executor::shutdownNow);
        return executor;
    }

    private static ExecutorService pool(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WORK_QUEUE),
                daemons(name));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
