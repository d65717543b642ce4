package io.scenelog.renderer.camera;

import io.scenelog.model.Components;
import io.scenelog.model.SceneAction;
import io.scenelog.model.UpdateComponents;
import io.scenelog.renderer.camera.internal.Coalescer;
import io.scenelog.renderer.camera.internal.RendererClientSeqs;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits camera moves as transient {@code UpdateComponents} actions on {@code scene-actions}, signed for the moving
 * client (a token minted with the platform's key for the client's subject and role, limited to the scene and
 * session), at most {@link #MAX_ACTIONS_PER_SECOND} per client: moves in between are coalesced and the latest pose
 * wins. The producer is idempotent; sending happens on the publisher's own thread, so {@link #publish} never blocks.
 */
public final class CameraActionPublisher implements CameraSink, AutoCloseable {

    /** The most camera actions per client and second. */
    public static final int MAX_ACTIONS_PER_SECOND = 20;

    private static final Logger LOG = LoggerFactory.getLogger(CameraActionPublisher.class);
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(30);

    private final UUID sceneId;
    private final UUID sessionId;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final KafkaProducer<String, SceneAction> producer;
    private final Coalescer<String, CameraMove> coalescer =
            new Coalescer<>(TimeUnit.SECONDS.toNanos(1) / MAX_ACTIONS_PER_SECOND);
    private final RendererClientSeqs clientSeqs = new RendererClientSeqs();
    private final ScheduledExecutorService sender;
    private final Map<String, MintedToken> tokens = new HashMap<>();

    /**
     * @param producerConfig Kafka producer settings (bootstrap servers, security); made idempotent with acks=all
     * @param registry       the schema registry to write the actions' schema with
     * @param tokenKey       the platform's token key
     */
    public CameraActionPublisher(UUID sceneId, UUID sessionId, Map<String, Object> producerConfig,
            SchemaRegistryClient registry, TokenKey tokenKey, Clock clock) {
        this.sceneId = Objects.requireNonNull(sceneId, "sceneId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = new TokenIssuer(tokenKey, clock);
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A camera pose is worth most when it is fresh: no batching delay.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).serializer());
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scenelog-camera-actions-" + sessionId);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void publish(CameraMove move) {
        long now = System.nanoTime();
        coalescer.offer(move.clientId(), move, now).ifPresentOrElse(
                ready -> sender.execute(() -> send(ready)),
                () -> scheduleFlush(now));
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private void scheduleFlush(long now) {
        OptionalLong due = coalescer.nextDue();
        if (due.isPresent()) {
            sender.schedule(this::flush, Math.max(0, due.getAsLong() - now), TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        coalescer.due(System.nanoTime()).values().forEach(this::send);
        scheduleFlush(System.nanoTime());
    }

    /** Runs on the sender thread only. */
    private void send(CameraMove move) {
        UpdateComponents update = new UpdateComponents(move.entityId(),
                Components.newBuilder().setTransform(move.pose()).build(), null);
        SceneAction action = SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setSessionId(sessionId)
                .setClientId(move.clientId())
                .setToken(token(move))
                .setClientSeq(clientSeqs.next())
                .setSentAt(clock.instant())
                .setPersist(false)
                .setOperations(List.of(update))
                .build();
        producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), sceneId.toString(), action),
                (metadata, error) -> {
                    if (error != null) {
                        LOG.warn("The camera pose of client {} in session {} was not sent: {}", move.clientId(),
                                sessionId, error.toString());
                    }
                });
    }

    private String token(CameraMove move) {
        Instant now = clock.instant();
        MintedToken minted = tokens.get(move.clientId());
        if (minted == null || minted.role() != move.role() || minted.at().plus(TOKEN_RENEWAL).isBefore(now)) {
            TokenClaims claims = TokenClaims.of(move.clientId(), move.role()).forScene(sceneId).forSession(sessionId);
            minted = new MintedToken(issuer.issue(claims, TOKEN_TTL), move.role(), now);
            tokens.put(move.clientId(), minted);
        }
        return minted.token();
    }

    private record MintedToken(String token, io.scenelog.model.Role role, Instant at) {
    }
}
