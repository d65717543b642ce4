package io.scenelog.renderer.session;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionMode;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The platform a renderer runs against, once per test JVM, started the way {@code up} starts it: a Kafka broker of
 * its own (not the testkit's shared one, where other tests of this module run a pipeline with an in-memory registry),
 * the topic catalogue, the REST edge (the schema registry a renderer reaches over HTTP, and the blobs), and
 * platform-streams with its query endpoint. Tests keep apart by creating their own scenes and sessions.
 */
final class RendererPlatform {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RendererPlatform instance;

    private final Path root;
    private final EmbeddedKafkaBroker broker;
    private final EdgeServer edge;
    private final PlatformStreams streams;
    private final TokenKey tokenKey;
    private final SchemaRegistryClient registry;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong clientSeq = new AtomicLong();

    private RendererPlatform(Path root, EmbeddedKafkaBroker broker, EdgeServer edge, PlatformStreams streams,
            TokenKey tokenKey) {
        this.root = root;
        this.broker = broker;
        this.edge = edge;
        this.streams = streams;
        this.tokenKey = tokenKey;
        this.registry = new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(URI.create(registryUrl())));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** The running platform, started on first use and stopped when the JVM exits. */
    static synchronized RendererPlatform get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "renderer-e2e-platform-stop"));
        }
        return instance;
    }

    /** Settings for a renderer of the session against this platform, its token key in a file of the test's. */
    SessionRendererSettings rendererSettings(UUID sceneId, UUID sessionId, Path directory) throws IOException {
        Path keyFile = Files.writeString(directory.resolve("token.key"), tokenKey.toBase64());
        return SessionRendererSettings.defaults(sessionId, sceneId, broker.bootstrapServers(), registryUrl(),
                List.of(streams.applicationServer().orElseThrow()), keyFile, directory.resolve("cache"),
                edge.baseUri().toString());
    }

    /** A token minted with the platform's key, good for an hour. */
    String mint(TokenClaims claims) {
        return new TokenIssuer(tokenKey, Clock.systemUTC()).issue(claims, Duration.ofHours(1));
    }

    /** Creates a scene with a sky colour and a persistent session, joins the client, and waits for the scene. */
    void sceneWithSession(UUID sceneId, UUID sessionId, Map<String, String> settings, String clientId, Role role)
            throws Exception {
        SceneCommands commands = new SceneCommands("renderer-e2e-admin",
                mint(TokenClaims.of("renderer-e2e-admin", Role.ADMIN).forScene(sceneId)), Clock.systemUTC());
        control(commands.createScene(sceneId, "renderer end to end", settings));
        control(commands.requestSession(sceneId, sessionId, SessionMode.PERSISTENT));
        control(commands.clientJoined(sceneId, sessionId, clientId, role, false));
        await(() -> streams.queries().session(sceneId, sessionId).isPresent(), "session " + sessionId + " to exist");
    }

    /**
     * Sends a client's action of one operation, signed like the client's, and waits until the scene committed it.
     *
     * @return the scene's version after it
     */
    long act(UUID sceneId, UUID sessionId, String clientId, Role role, boolean persist, Object operation)
            throws Exception {
        long before = version(sceneId);
        SceneAction action = SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(sceneId)
                .setSessionId(sessionId).setClientId(clientId)
                .setToken(mint(TokenClaims.of(clientId, role).forScene(sceneId).forSession(sessionId)))
                .setClientSeq(clientSeq.getAndIncrement()).setSentAt(Instant.now()).setPersist(persist)
                .setOperations(List.of(operation)).build();
        send(Topics.SCENE_ACTIONS.name(), sceneId, Topics.SCENE_ACTIONS.valueSerde(registry).serializer()
                .serialize(Topics.SCENE_ACTIONS.name(), action));
        await(() -> version(sceneId) > before, "scene " + sceneId + " to commit action " + action.getActionId());
        return version(sceneId);
    }

    /** The scene's committed version. */
    long version(UUID sceneId) {
        return streams.queries().sceneVersion(sceneId).orElse(0L);
    }

    /** An entity as the session sees it now (its overlay over the persisted scene). */
    Optional<EntityState> entity(UUID sceneId, UUID sessionId, UUID entityId) {
        return streams.queries().session(sceneId, sessionId).flatMap(session -> session.visibleEntities().stream()
                .filter(entity -> entity.getEntityId().equals(entityId)).findFirst());
    }

    /** A fresh directory for one test's files. */
    Path directory(String name) throws IOException {
        return Files.createTempDirectory(root, name);
    }

    /** Polls a condition until it holds, failing after 30 s. */
    static void await(BooleanSupplier condition, String what) throws TimeoutException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Waited " + WAIT.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private String registryUrl() {
        return edge.baseUri().toString().replaceAll("/$", "");
    }

    private void control(SceneControl command) throws Exception {
        send(Topics.SCENE_CONTROL.name(), command.getSceneId(), Topics.SCENE_CONTROL.valueSerde(registry)
                .serializer().serialize(Topics.SCENE_CONTROL.name(), command));
    }

    private void send(String topic, UUID sceneId, byte[] value) throws ExecutionException, InterruptedException,
            TimeoutException {
        producer.send(new ProducerRecord<>(topic, sceneId.toString(), value)).get(10, TimeUnit.SECONDS);
    }

    private void stop() {
        producer.close();
        streams.close();
        edge.close();
        broker.close();
    }

    private static RendererPlatform start() {
        try {
            Path root = Files.createTempDirectory("scenelog-renderer-e2e");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(root.resolve("kafka")));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            TokenKey key = TokenKey.generate();
            RestApi api = RestApi.create(ApiSettings.defaults(key, root.resolve("blobs")));
            EdgeServer edge = EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers()).withPort(0), api);
            PlatformStreams streams = PlatformStreams.start(StreamsSettings.builder(broker.bootstrapServers(),
                    edge.baseUri().toString().replaceAll("/$", ""), key)
                    .applicationId("scenelog-renderer-e2e")
                    .stateDir(root.resolve("streams"))
                    .commitInterval(Duration.ofMillis(20))
                    .applicationServer("127.0.0.1:0")
                    .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                    .startTimeout(Duration.ofSeconds(90))
                    .build());
            api.pipeline().attachQueries(streams.queries());
            api.pipeline().attachLocalPipeline(() -> streams.state().name());
            return new RendererPlatform(root, broker, edge, streams, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
