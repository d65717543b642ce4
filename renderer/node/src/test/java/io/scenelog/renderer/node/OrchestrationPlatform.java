package io.scenelog.renderer.node;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.placement.PlacementSettings;
import io.scenelog.testkit.SharedKafka;
import io.scenelog.testkit.UniqueNames;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The platform the orchestration tests run render nodes against, once per test JVM: the shared broker, the catalogue
 * topics, the real registry (rest-edge) and platform-streams with quick placement (a node is dead after 3 s of
 * silence). Tests keep apart by their own scenes and node ids.
 */
final class OrchestrationPlatform {

    /** A node's heartbeat interval in these tests; the pipeline's node timeout is a few of them. */
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final PlacementSettings PLACEMENT =
            new PlacementSettings(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(30));

    private static OrchestrationPlatform instance;

    private final EdgeServer edge;
    private final PlatformStreams streams;
    private final TokenKey key = TokenKey.generate();
    private final Path root;
    private final SchemaRegistryClient registry;
    private final KafkaProducer<String, SceneControl> producer;
    private final TopicView<SessionRecord> sessions;

    private OrchestrationPlatform() throws IOException {
        root = Files.createTempDirectory("scenelog-node-it");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
        edge = EdgeServer.start(EdgeSettings.defaults(SharedKafka.bootstrapServers()).withPort(0));
        streams = PlatformStreams.start(StreamsSettings.builder(SharedKafka.bootstrapServers(), registryUrl(), key)
                .applicationId(UniqueNames.transactionalId("node-it"))
                .stateDir(root.resolve("streams"))
                .commitInterval(Duration.ofMillis(20))
                .applicationServer("127.0.0.1:0")
                .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                .startTimeout(Duration.ofSeconds(90))
                .placement(PLACEMENT)
                .build());
        registry = new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(URI.create(registryUrl())));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), Topics.SCENE_CONTROL.keySerde(registry).serializer(),
                Topics.SCENE_CONTROL.valueSerde(registry).serializer());
        sessions = TopicView.follow(Topics.SESSIONS, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()), Topics.SESSIONS.valueSerde(registry).deserializer());
    }

    static synchronized OrchestrationPlatform get() {
        if (instance == null) {
            try {
                instance = new OrchestrationPlatform();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SharedKafka.closeBeforeBroker(instance::stop);
        }
        return instance;
    }

    /** Settings of a render node on this platform running the fake renderer, to vary. */
    RenderNodeSettings.Builder node(String nodeId, int capacity) {
        return RenderNodeSettings.builder(nodeId, SharedKafka.bootstrapServers(), registryUrl(), key,
                        root.resolve("nodes").resolve(nodeId))
                .capacity(capacity)
                .heartbeatInterval(HEARTBEAT)
                .reconcileInterval(Duration.ofMillis(100))
                .readyTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(5))
                .renderer(FakeRendererMain.class.getName(), List.of("-Xmx64m", "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto"))
                .assetBaseUrl(registryUrl())
                .streamsQueryEndpoints(List.of(streams.applicationServer().orElseThrow()));
    }

    /** Control commands signed with an admin token. */
    SceneCommands commands() {
        String token = new TokenIssuer(key, Clock.systemUTC()).issue(TokenClaims.of("node-it-admin", Role.ADMIN),
                Duration.ofHours(1));
        return new SceneCommands("node-it-admin", token, Clock.systemUTC());
    }

    /** Sends a command to scene-control and waits for the broker's acknowledgement. */
    void send(SceneControl command) {
        try {
            producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), command.getSceneId().toString(),
                    command)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sessions topic, followed. */
    TopicView<SessionRecord> sessions() {
        return sessions;
    }

    private String registryUrl() {
        return edge.baseUri().toString().replaceAll("/$", "");
    }

    private void stop() {
        sessions.close();
        producer.close();
        streams.close();
        edge.close();
    }
}
