package io.scenelog.renderer.session.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.renderer.link.RenderLinkServer;
import io.scenelog.renderer.link.RenderLinkSettings;
import io.scenelog.renderer.scene.SceneReplica;
import io.scenelog.renderer.session.SessionRendererSettings;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.query.RemoteSceneStateQueries;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running parts of one session's renderer, started and closed in dependency order. */
public final class SessionRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRuntime.class);

    private final SessionRendererSettings settings;
    private final ReplicaSceneView scene;
    private final RenderLinkServer link;
    private final RenderLoop loop;
    private final ScheduledExecutorService watchdog;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lonelySinceNanos = System.nanoTime();

    private SessionRuntime(SessionRendererSettings settings, ReplicaSceneView scene, RenderLinkServer link,
            RenderLoop loop) {
        this.settings = settings;
        this.scene = scene;
        this.link = link;
        this.loop = loop;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "renderer-idle-watch");
            thread.setDaemon(true);
            return thread;
        });
        if (!settings.idleTimeout().isZero()) {
            watchdog.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Starts following the scene, then the frame endpoint, then the render loop. */
    public static SessionRuntime start(SessionRendererSettings settings, RenderParts parts, MeterRegistry metrics) {
        TokenKey tokenKey = settings.readTokenKey();
        TokenVerifier verifier = new TokenVerifier(tokenKey, Clock.systemUTC());
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(URI.create(settings.schemaRegistryUrl())));
        Map<String, Object> consumer = new HashMap<>(settings.kafkaOverrides());
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        SceneReplica replica = SceneReplica.start(settings.sceneId(), settings.sessionId(), consumer, registry,
                RemoteSceneStateQueries.over(settings.streamsQueryEndpoints(), registry));
        ReplicaSceneView scene = SceneWiring.open(settings, replica, registry, tokenKey);
        String rendererId = "renderer-" + settings.nodeId() + "-" + settings.sessionId();
        SessionLinkHandler handler = new SessionLinkHandler(scene, scene::headless, settings.defaultFps(),
                settings.defaultBitrateKbps());
        RenderLinkServer link;
        try {
            link = RenderLinkServer.start(new RenderLinkSettings(settings.sessionId(), settings.sceneId(),
                    rendererId, settings.bindHost(), settings.framePort(), settings.helloTimeout(),
                    settings.heartbeatInterval(), settings.heartbeatTimeout(), settings.sendQueueFrames(),
                    settings.sendQueueBytes(), RenderLinkSettings.DEFAULT_MAX_MESSAGE_BYTES), verifier, handler,
                    metrics, Clock.systemUTC());
        } catch (RuntimeException e) {
            scene.close();
            throw e;
        }
        RenderLoop loop = RenderLoop.start(scene, parts, link, settings.maxClients(), metrics, Clock.systemUTC(),
                settings.sessionId().toString());
        handler.attach(loop);
        return new SessionRuntime(settings, scene, link, loop);
    }

    /** Where bridges connect. */
    public String frameEndpoint() {
        return settings.frameEndpoint(link.port());
    }

    /** The scene version shown. */
    public long sceneVersion() {
        return scene.version();
    }

    /** Counted down once the runtime is closed. */
    public CountDownLatch stopped() {
        return stopped;
    }

    private void checkIdle() {
        long now = System.nanoTime();
        if (link.connections() > 0) {
            lonelySinceNanos = now;
        } else if (now - lonelySinceNanos > settings.idleTimeout().toNanos()) {
            LOG.warn("No bridge connected to session {} for {}: the renderer stops.", settings.sessionId(),
                    settings.idleTimeout());
            close();
        }
    }

    /** Stops serving bridges, then rendering, then following the scene. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        watchdog.shutdownNow();
        link.close();
        loop.close();
        scene.close();
        LOG.info("The renderer of session {} stopped.", settings.sessionId());
        stopped.countDown();
    }
}
