package io.scenelog.bridge;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole platform once per test JVM, started the way {@code up} starts it: a Kafka broker of its own, the topic
 * catalogue, the REST edge (registry and REST API), platform-streams (20 ms commits) and one Livelink bridge. Tests
 * keep apart by creating their own scenes and sessions; a test that needs other bridge settings starts a bridge of
 * its own with {@link #startBridge} and closes it.
 */
final class RunningPlatform {

    /** The browser origin the bridges allow. */
    static final String ALLOWED_ORIGIN = "https://viewer.example.com";

    private static RunningPlatform instance;

    private final EmbeddedKafkaBroker broker;
    private final EdgeServer edge;
    private final PlatformStreams streams;
    private final TokenKey tokenKey;
    private final LivelinkBridge bridge;
    private final KafkaProducer<String, byte[]> producer;
    private final SchemaRegistryClient registry;

    private RunningPlatform(EmbeddedKafkaBroker broker, EdgeServer edge, PlatformStreams streams, TokenKey tokenKey,
            int bridgePort) {
        this.broker = broker;
        this.edge = edge;
        this.streams = streams;
        this.tokenKey = tokenKey;
        this.registry = new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(URI.create(registryUrl())));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new ByteArraySerializer());
        // the port the edge was told: its joins hand out this bridge's URL and it admits this bridge's viewer page
        this.bridge = startBridge(builder -> builder.port(bridgePort).viewer(edge.baseUri().toString()));
    }

    /** The running platform, started on first use and stopped when the JVM exits. */
    static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "bridge-it-stop"));
        }
        return instance;
    }

    /**
     * The platform's bridge: default limits, a 3 s hello timeout, the test origin allowed, the viewer page served; the
     * edge's joins name its Livelink URL and the edge admits its page's origin (CORS).
     */
    LivelinkBridge bridge() {
        return bridge;
    }

    /** Starts another bridge on the same platform; the caller closes it. */
    LivelinkBridge startBridge(UnaryOperator<BridgeSettings.Builder> adjust) {
        return LivelinkBridge.start(adjust.apply(bridgeSettings()).build(), streams.queries());
    }

    /** Starts another bridge that asks the registry at {@code registryUrl} (e.g. a proxy); the caller closes it. */
    LivelinkBridge startBridge(String registryUrl, UnaryOperator<BridgeSettings.Builder> adjust) {
        return LivelinkBridge.start(adjust.apply(bridgeSettings(registryUrl)).build(), streams.queries());
    }

    /** The settings of the platform's bridge, to vary. */
    BridgeSettings.Builder bridgeSettings() {
        return bridgeSettings(registryUrl());
    }

    private BridgeSettings.Builder bridgeSettings(String registryUrl) {
        return BridgeSettings.builder(broker.bootstrapServers(), registryUrl, tokenKey)
                .port(0)
                .allowedOrigins(Set.of(ALLOWED_ORIGIN))
                // Long enough that a client's Hello is never late on a busy 2-core machine (1 s was, under load),
                // short enough that the test waiting for HELLO_TIMEOUT stays quick.
                .helloTimeout(Duration.ofSeconds(3))
                .joinWait(Duration.ofSeconds(2))
                .resumeWindowGrace(Duration.ofSeconds(5));
    }

    /** The REST API, with an admin token. */
    RestCalls rest() {
        return new RestCalls(edge.baseUri(), adminToken());
    }

    /** A token minted with the platform's key. */
    String mint(TokenClaims claims, Duration ttl) {
        return new TokenIssuer(tokenKey, Clock.systemUTC()).issue(claims, ttl);
    }

    /** A token that ran out an hour ago, signed with the platform's key. */
    String expired(TokenClaims claims) {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return new TokenIssuer(tokenKey, twoHoursAgo).issue(claims, Duration.ofHours(1));
    }

    /** The platform's token key (renderers check the bridges' tokens with it). */
    TokenKey tokenKey() {
        return tokenKey;
    }

    /** An admin token good for everything. */
    String adminToken() {
        return mint(TokenClaims.of("bridge-it-admin", Role.ADMIN), Duration.ofHours(1));
    }

    /** Control commands signed with the admin token. */
    SceneCommands commands() {
        return new SceneCommands("bridge-it-admin", adminToken(), Clock.systemUTC());
    }

    /** Produces a control command straight to {@code scene-control}. */
    void control(SceneControl command) {
        send(Topics.SCENE_CONTROL.name(), command.getSceneId().toString(),
                Topics.SCENE_CONTROL.valueSerde(registry).serializer().serialize(Topics.SCENE_CONTROL.name(),
                        command));
    }

    /**
     * Marks a session RUNNING on a render node with a frame endpoint, as the pipeline does when the node the session
     * is assigned to reports SessionRunning: the session's current record, read from {@code sessions}, written back
     * with the status, node and endpoint. (The pipeline accepts SessionRunning only from the node its placement
     * assigned the session to, and these tests run no render node.) Call it after the session's clients joined: a
     * later join rewrites the record from the pipeline's own state.
     */
    void runSession(UUID sessionId, String nodeId, String frameEndpoint) {
        Map<String, Object> config = TopicView.readCommittedFollower(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), "bridge-it-sessions");
        try (TopicView<SessionRecord> view = TopicView.follow(Topics.SESSIONS, config,
                Topics.SESSIONS.valueSerde(registry).deserializer())) {
            view.awaitCaughtUp(Duration.ofSeconds(20));
            SessionRecord current = view.get(sessionId.toString()).orElseThrow(() -> new AssertionError(
                    "no record of session " + sessionId + " on " + Topics.SESSIONS.name()));
            SessionRecord running = SessionRecord.newBuilder(current).setStatus(SessionStatus.RUNNING)
                    .setNodeId(nodeId).setFrameEndpoint(frameEndpoint).setUpdatedAt(Instant.now()).build();
            send(Topics.SESSIONS.name(), sessionId.toString(), Topics.SESSIONS.valueSerde(registry).serializer()
                    .serialize(Topics.SESSIONS.name(), running));
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot read " + Topics.SESSIONS.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Produces an action straight to {@code scene-actions}, as a simulation would. */
    void act(SceneAction action) {
        send(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(),
                Topics.SCENE_ACTIONS.valueSerde(registry).serializer().serialize(Topics.SCENE_ACTIONS.name(),
                        action));
    }

    /**
     * The actions of a scene on {@code scene-actions}, from the beginning up to and including the marker action: a
     * test sends the marker after whatever must not reach Kafka, and since a scene's actions are ordered on one
     * partition, anything produced before the marker is in the answer.
     */
    List<SceneAction> actionsUntil(UUID sceneId, UUID markerActionId) {
        TopicPartition partition = new TopicPartition(Topics.SCENE_ACTIONS.name(),
                StateKeys.partitionOf(sceneId, Topics.SCENE_ACTIONS.spec().partitions()));
        List<SceneAction> actions = new ArrayList<>();
        try (KafkaConsumer<String, SceneAction> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SceneAction> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() != null && record.value().getSceneId().equals(sceneId)) {
                        actions.add(record.value());
                        if (record.value().getActionId().equals(markerActionId)) {
                            return actions;
                        }
                    }
                }
            }
        }
        throw new AssertionError("The marker action " + markerActionId + " never reached scene-actions");
    }

    /** The Kafka cluster. */
    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The schema registry's URL. */
    String registryUrl() {
        return edge.baseUri().toString().replaceAll("/$", "");
    }

    /** The registry client. */
    SchemaRegistryClient registry() {
        return registry;
    }

    /** An admin client for the cluster; close it. */
    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /**
     * Produces {@code count} records of random keys (no scene's) to one partition of a topic, as other scenes' traffic
     * would, waiting until all are acknowledged.
     */
    void fill(String topic, int partition, int count) {
        List<Future<?>> sent = new ArrayList<>();
        byte[] value = new byte[] {0, 0, 0, 0, 0};
        for (int i = 0; i < count; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, partition, "filler-" + UUID.randomUUID(), value)));
        }
        producer.flush();
        for (Future<?> each : sent) {
            try {
                each.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot produce to " + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Produces raw bytes to a topic (e.g. a record no pipeline would write), waiting for the acknowledgement. */
    void produce(String topic, String key, byte[] value) {
        send(topic, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        bridge.close();
        producer.close();
        streams.close();
        edge.close();
        broker.close();
    }

    private static RunningPlatform start() {
        try {
            Path root = Files.createTempDirectory("scenelog-bridge-it");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(root.resolve("kafka")));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            TokenKey key = TokenKey.generate();
            int bridgePort = freePort();
            String bridgeOrigin = "http://127.0.0.1:" + bridgePort;
            RestApi api = RestApi.create(ApiSettings.defaults(key, root.resolve("blobs"))
                    .withLivelinkUrl("ws://127.0.0.1:" + bridgePort + BridgeSettings.LIVELINK_PATH)
                    .withBrowserOrigins(List.of(bridgeOrigin)));
            EdgeServer edge = EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers()).withPort(0), api);
            String registryUrl = edge.baseUri().toString().replaceAll("/$", "");
            PlatformStreams streams = PlatformStreams.start(StreamsSettings.builder(broker.bootstrapServers(),
                    registryUrl, key)
                    .applicationId("scenelog-bridge-it")
                    .stateDir(root.resolve("streams"))
                    .commitInterval(Duration.ofMillis(20))
                    .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                    .startTimeout(Duration.ofSeconds(90))
                    .build());
            api.pipeline().attachQueries(streams.queries());
            api.pipeline().attachLocalPipeline(() -> streams.state().name());
            return new RunningPlatform(broker, edge, streams, key, bridgePort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free now, for the bridge whose URL the edge must know before either starts. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
