package io.scenelog.renderer.scene;

import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionMode;
import io.scenelog.model.UpdateComponents;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.testkit.SharedKafka;
import io.scenelog.testkit.UniqueNames;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real pipeline once per test JVM on the shared broker, with the in-memory registry (the real one lives in
 * rest-edge, which the renderer does not depend on), and the small steps the replica's and cameras' tests take on it:
 * scene and session commands, and actions signed like a client's.
 */
public final class RunningPipeline {

    public static final String REGISTRY_URL = "mock://renderer-session-it";
    public static final TokenKey KEY = TokenKey.generate();

    private static RunningPipeline instance;

    private final PlatformStreams streams;
    private final SchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope("renderer-session-it");
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong clientSeq = new AtomicLong();

    private RunningPipeline(PlatformStreams streams) {
        this.streams = streams;
        this.producer = new KafkaProducer<>(KafkaTestClients.producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** The pipeline, started on first use, stopped at exit. */
    public static synchronized RunningPipeline get() {
        if (instance == null) {
            try (Admin admin = Admin.create(KafkaTestClients.adminConfig())) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            try {
                PlatformStreams streams = PlatformStreams.start(StreamsSettings.builder(SharedKafka.bootstrapServers(),
                        REGISTRY_URL, KEY)
                        .applicationId(UniqueNames.transactionalId("renderer-session-it"))
                        .stateDir(Files.createTempDirectory("scenelog-renderer-it"))
                        .commitInterval(Duration.ofMillis(20))
                        .applicationServer("127.0.0.1:0")
                        .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                        .startTimeout(Duration.ofSeconds(90))
                        .build());
                instance = new RunningPipeline(streams);
                SharedKafka.closeBeforeBroker(streams::close);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public PlatformStreams streams() {
        return streams;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** Consumer or producer settings for the shared broker. */
    public Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", SharedKafka.bootstrapServers());
    }

    /** Creates a scene and a persistent session and joins the clients, waiting until the scene can be queried. */
    public void sceneWithSession(UUID sceneId, UUID sessionId, Map<String, Role> clients) throws Exception {
        SceneCommands commands = new SceneCommands("renderer-it-admin", token("renderer-it-admin", Role.ADMIN,
                sceneId, null), Clock.systemUTC());
        control(commands.createScene(sceneId, "replica test", Map.of("skyColor", "#87ceeb")));
        control(commands.requestSession(sceneId, sessionId, SessionMode.PERSISTENT));
        for (Map.Entry<String, Role> client : clients.entrySet()) {
            control(commands.clientJoined(sceneId, sessionId, client.getKey(), client.getValue(), false));
        }
        await(() -> streams.queries().sceneVersion(sceneId).isPresent(), "scene " + sceneId + " to exist");
    }

    /** Joins a client to another session of the scene. */
    public void session(UUID sceneId, UUID sessionId, String clientId, Role role) throws Exception {
        SceneCommands commands = new SceneCommands("renderer-it-admin", token("renderer-it-admin", Role.ADMIN,
                sceneId, null), Clock.systemUTC());
        control(commands.requestSession(sceneId, sessionId, SessionMode.PERSISTENT));
        control(commands.clientJoined(sceneId, sessionId, clientId, role, false));
    }

    /** Sends an action of one operation and waits until the scene reached the version after it. */
    public long act(UUID sceneId, UUID sessionId, String clientId, Role role, boolean persist, Object operation)
            throws Exception {
        long before = version(sceneId);
        SceneAction action = SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(sceneId)
                .setSessionId(sessionId).setClientId(clientId).setToken(token(clientId, role, sceneId, sessionId))
                .setClientSeq(clientSeq.getAndIncrement()).setSentAt(Instant.now()).setPersist(persist)
                .setOperations(List.of(operation)).build();
        send(Topics.SCENE_ACTIONS.name(), sceneId, Topics.SCENE_ACTIONS.valueSerde(registry).serializer()
                .serialize(Topics.SCENE_ACTIONS.name(), action));
        await(() -> version(sceneId) > before, "scene " + sceneId + " to commit action " + action.getActionId());
        return version(sceneId);
    }

    public static CreateEntity create(UUID entityId, Components components) {
        return new CreateEntity(entityId, components);
    }

    public static UpdateComponents update(UUID entityId, Components components) {
        return new UpdateComponents(entityId, components, null);
    }

    /** The scene's current version. */
    public long version(UUID sceneId) {
        return streams.queries().sceneVersion(sceneId).orElse(0L);
    }

    /** The platform's own view of the session. */
    public SessionSnapshot sessionState(UUID sceneId, UUID sessionId) {
        return streams.queries().session(sceneId, sessionId).orElseThrow();
    }

    /** The digest of the platform's own state of the session. */
    public SceneDigest digest(UUID sceneId, UUID sessionId) {
        SessionSnapshot snapshot = sessionState(sceneId, sessionId);
        return SceneDigest.of(snapshot.version(), snapshot.visibleEntities());
    }

    public static String token(String clientId, Role role, UUID sceneId, UUID sessionId) {
        TokenClaims claims = TokenClaims.of(clientId, role).forScene(sceneId);
        if (sessionId != null) {
            claims = claims.forSession(sessionId);
        }
        return new TokenIssuer(KEY, Clock.systemUTC()).issue(claims, Duration.ofHours(1));
    }

    /** Polls a condition until it holds, failing after 20 s. */
    public static void await(Supplier<Boolean> condition, String what) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Optional.ofNullable(condition.get()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Waited 20 s for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private void control(SceneControl command) throws Exception {
        send(Topics.SCENE_CONTROL.name(), command.getSceneId(), Topics.SCENE_CONTROL.valueSerde(registry)
                .serializer().serialize(Topics.SCENE_CONTROL.name(), command));
    }

    private void send(String topic, UUID sceneId, byte[] value) throws ExecutionException, InterruptedException,
            TimeoutException {
        producer.send(new ProducerRecord<>(topic, sceneId.toString(), value)).get(10, TimeUnit.SECONDS);
    }
}
