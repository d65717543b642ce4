package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.model.Components;
import io.scenelog.model.Quat;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The pipeline peers' writes: the same transform update a REST PATCH turns into, as a {@link SceneAction} of the
 * peer principal (an editor token minted by the API, so the pipeline checks the same role), produced straight to
 * {@code scene-actions} by an idempotent producer that sends at once, as the edge's own producer does.
 */
final class DirectActions {

    private final RestScene scene;
    private final AtomicLong clientSeq = new AtomicLong();

    DirectActions(RestScene scene) {
        this.scene = scene;
    }

    /** The scene the actions go to. */
    RestScene scene() {
        return scene;
    }

    /** Moves {@code entity} to {@code x} on the x axis. */
    SceneAction move(UUID entity, double x) {
        Transform transform = new Transform(new Vec3(x, 0.0, 0.0), new Quat(0.0, 0.0, 0.0, 1.0),
                new Vec3(1.0, 1.0, 1.0));
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(scene.sceneId()).setSessionId(null)
                .setClientId(scene.peer().name()).setToken(scene.peer().token())
                .setClientSeq(clientSeq.incrementAndGet()).setSentAt(Instant.now()).setPersist(true)
                .setOperations(List.of(UpdateComponents.newBuilder().setEntityId(entity)
                        .setComponents(Components.newBuilder().setTransform(transform).build())
                        .setExpectedVersion(null).build()))
                .build();
    }

    /** The record of an action, keyed by its scene like every writer's. */
    static ProducerRecord<String, SceneAction> record(SceneAction action) {
        return new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action);
    }

    /** acks=all, idempotent, no lingering: the edge's producer settings. */
    static KafkaProducer<String, SceneAction> producer(String bootstrapServers, SchemaRegistryClient registry) {
        return new KafkaProducer<>(ClientConfigs.idempotentProducer(bootstrapServers, "scenelog-bench-rest-peer", 0),
                Topics.SCENE_ACTIONS.keySerde(registry).serializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).serializer());
    }
}
