package io.scenelog.app.simulate;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.schemas.wire.TopicNameStrategy;
import io.scenelog.streams.SceneCommands;
import io.scenelog.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Straight to Kafka, as an external system does with only the public schemas, the registry and an idempotent
 * producer: actions to {@code scene-actions} (without a session), results counted from {@code action-results}.
 */
final class KafkaPath implements ActionPath {

    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
    /** A few milliseconds of batching: thousands of small actions per second travel in few requests. */
    private static final int LINGER_MS = 5;

    private final SimulationSettings settings;
    private final AtomicLong clientSeq = new AtomicLong();
    private final PathCounts counts = new PathCounts();
    private KafkaProducer<String, SpecificRecord> producer;
    private ResultTracker results;
    private String token;

    KafkaPath(SimulationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() {
        SchemaRegistryClient registry = ClientConfigs.registry(settings.registryUrl());
        token = settings.tokens().token(settings.clientId(), Role.EDITOR, settings.sceneId(),
                settings.tokenLifetime());
        producer = producer(registry);
        results = new ResultTracker(settings.bootstrapServers(), registry, settings.clientId(), counts);
        requireSchemas(registry);
        results.start(CONTROL_TIMEOUT);
        if (settings.createScene()) {
            createScene();
        }
    }

    @Override
    public UUID sceneId() {
        return settings.sceneId();
    }

    @Override
    public String clientId() {
        return settings.clientId();
    }

    @Override
    public void send(List<Object> operations) {
        SceneAction action = SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(settings.sceneId())
                .setSessionId(null)
                .setClientId(settings.clientId())
                .setToken(token)
                .setClientSeq(clientSeq.incrementAndGet())
                .setSentAt(Instant.now())
                .setPersist(true)
                .setOperations(operations)
                .build();
        producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action),
                (metadata, e) -> {
                    if (e == null) {
                        counts.handedOver();
                    } else {
                        counts.undelivered(e);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public PathCounts counts() {
        return counts;
    }

    @Override
    public void rethrowFailure() {
        results.rethrowFailure();
    }

    @Override
    public String refuser() {
        return "Kafka";
    }

    @Override
    public void close() {
        // Results first: the follower thread stops before the producer it never uses.
        if (results != null) {
            results.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    private KafkaProducer<String, SpecificRecord> producer(SchemaRegistryClient registry) {
        // One producer for scene-actions and scene-control (both keyed by sceneId): the wire-format serializer
        // finds each record's subject from the topic it is sent to. It only looks schemas up, as an external
        // writer does: the platform publishes them (ContractSchemas).
        return new KafkaProducer<>(ClientConfigs.idempotentProducer(settings.bootstrapServers(),
                settings.clientId(), LINGER_MS), Topics.SCENE_ACTIONS.keySerde(registry).serializer(),
                new AvroSerializer<>(registry, false, false));
    }

    /** Fails fast, before anything is sent, when the platform has not published the schemas we write with. */
    private static void requireSchemas(SchemaRegistryClient registry) {
        requireSchema(registry, Topics.SCENE_ACTIONS.name(), SceneAction.getClassSchema());
        requireSchema(registry, Topics.SCENE_CONTROL.name(), SceneControl.getClassSchema());
    }

    private static void requireSchema(SchemaRegistryClient registry, String topic, Schema schema) {
        String subject = TopicNameStrategy.subject(topic, false);
        try {
            registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new IllegalStateException("The schema registry at " + registry.location() + " does not hold our "
                    + schema.getName() + " schema under " + subject + " (" + e.getMessage() + "): start "
                    + "platform-streams (scenelog up / scenelog streams), which publishes it", e);
        }
    }

    /** Sends a CreateScene command and waits for its result; a refusal ends the run with the reason. */
    private void createScene() {
        String adminToken = settings.tokens().token(settings.clientId(), Role.ADMIN, settings.sceneId(),
                CONTROL_TIMEOUT.plusMinutes(5));
        SceneControl command = new SceneCommands(settings.clientId(), adminToken, Clock.systemUTC())
                .createScene(settings.sceneId(), "simulation " + settings.clientId(), Map.of());
        UUID commandId = command.getCommandId();
        CompletableFuture<ActionResult> answer = results.await(commandId);
        producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), settings.sceneId().toString(), command));
        producer.flush();
        ActionResult result;
        try {
            result = answer.get(CONTROL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer to CreateScene for scene " + settings.sceneId() + " within "
                    + CONTROL_TIMEOUT + ": is platform-streams running?", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the answer to CreateScene: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating scene " + settings.sceneId(), e);
        }
        if (result.getStatus() != ActionStatus.ACCEPTED) {
            throw new IllegalStateException("Scene " + settings.sceneId() + " was not created: "
                    + result.getReason() + " " + result.getMessage());
        }
    }
}
