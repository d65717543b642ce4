package io.scenelog.app;

import static io.scenelog.app.support.SampleEvents.at;
import static org.awaitility.Awaitility.await;

import io.scenelog.app.check.CheckReport;
import io.scenelog.app.check.CommitLogChecker;
import io.scenelog.app.check.CommittedLogReader;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.app.support.SampleActions;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.topics.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes to a platform started by {@code scenelog up} the way a local tool does: tokens minted from the key file it
 * printed, records produced to its Kafka, outcomes read back from {@code action-results}.
 */
final class LocalWriter {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final TokenIssuer issuer;
    private final String clientId = "up-test";
    private final UUID scene;
    private final UUID entity;
    private final Map<UUID, SceneAction> sent;

    LocalWriter(String bootstrapServers, String registryUrl, Path tokenKeyFile) {
        this(bootstrapServers, registryUrl, tokenKeyFile, UUID.randomUUID(), UUID.randomUUID(), new HashMap<>());
    }

    private LocalWriter(String bootstrapServers, String registryUrl, Path tokenKeyFile, UUID scene, UUID entity,
            Map<UUID, SceneAction> sent) {
        this.bootstrapServers = bootstrapServers;
        this.registry = ClientConfigs.registry(URI.create(registryUrl));
        this.issuer = new TokenIssuer(TokenKeyFile.read(tokenKeyFile), Clock.systemUTC());
        this.scene = scene;
        this.entity = entity;
        this.sent = sent;
    }

    /** A writer of the same scene and entity, remembering what this one sent, for the platform after a restart. */
    LocalWriter reconnect(String newBootstrapServers, String registryUrl, Path tokenKeyFile) {
        return new LocalWriter(newBootstrapServers, registryUrl, tokenKeyFile, scene, entity, sent);
    }

    void createScene() {
        SceneCommands commands = new SceneCommands(clientId, token(Role.ADMIN), Clock.systemUTC());
        SceneControl command = commands.createScene(scene, "up test", Map.of());
        produce(Topics.SCENE_CONTROL.name(), command);
        ActionResult result = awaitResult(command.getCommandId());
        if (result.getStatus() != ActionStatus.ACCEPTED) {
            throw new AssertionError("CreateScene was not accepted: " + result);
        }
    }

    /**
     * Creates the entity (n = 0) or moves it, and waits for the outcome.
     *
     * @return the scene version the action was committed at
     */
    long commit(long n) {
        SceneAction action = n == 0
                ? SampleActions.create(scene, clientId, n + 1, entity, at(0, 0, 0), token(Role.EDITOR))
                : SampleActions.move(scene, clientId, n + 1, entity, at(n, 0, 0), token(Role.EDITOR));
        sent.put(action.getActionId(), action);
        produce(Topics.SCENE_ACTIONS.name(), action);
        ActionResult result = awaitResult(action.getActionId());
        if (result.getStatus() != ActionStatus.ACCEPTED) {
            throw new AssertionError("The action was not accepted: " + result);
        }
        return result.getSceneVersion();
    }

    /** The checker's verdict on the scene, judged against everything sent to it. */
    CheckReport check() {
        return new CommitLogChecker().check(new CommittedLogReader(bootstrapServers, registry)
                .read(scene, sent, DEADLINE));
    }

    private String token(Role role) {
        return issuer.issue(TokenClaims.of(clientId, role).forScene(scene), Duration.ofMinutes(10));
    }

    private void produce(String topic, SpecificRecord value) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                ClientConfigs.idempotentProducer(bootstrapServers, clientId, 0),
                Topics.SCENE_ACTIONS.keySerde(registry).serializer(), new AvroSerializer<>(registry, false, false))) {
            producer.send(new ProducerRecord<>(topic, scene.toString(), value));
            producer.flush();
        }
    }

    private ActionResult awaitResult(UUID actionId) {
        CommittedLogReader reader = new CommittedLogReader(bootstrapServers, registry);
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> find(reader, actionId),
                Optional::isPresent).orElseThrow();
    }

    private Optional<ActionResult> find(CommittedLogReader reader, UUID actionId) {
        List<ActionResult> results = reader.results(scene, Duration.ofSeconds(10));
        return results.stream().filter(r -> r.getActionId().equals(actionId)).findFirst();
    }
}
