package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.Quat;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The REST writes' peer: the same transform updates on the same scene, produced straight to {@code scene-actions}
 * by a principal of the same role (its token minted by the API), at the rate the REST writes achieved, each timed
 * from its intended send time until its {@link ActionResult} is visible to a {@code read_committed} reader: exactly
 * what a PATCH waits for inside the edge, without HTTP, JSON, authentication at the edge and the state read that
 * answers the PATCH.
 */
final class DirectWritePeer {

    /** How long the last actions' results may take before they count as missing. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final RestScene scene;
    private final AtomicLong clientSeq = new AtomicLong();
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    private final LongAdder rejected = new LongAdder();

    DirectWritePeer(String bootstrapServers, SchemaRegistryClient registry, RestScene scene) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.scene = scene;
    }

    /**
     * Sends at {@code rate} for the warm-up, then times for {@code duration}.
     *
     * @return the latencies; actions the pipeline rejected are counted by {@link #rejected()}
     */
    Percentiles measure(double rate, Duration warmUp, Duration duration) throws InterruptedException {
        Map<String, Object> config = ClientConfigs.idempotentProducer(bootstrapServers, "scenelog-bench-rest-peer", 0);
        try (KafkaProducer<String, SceneAction> producer = new KafkaProducer<>(config,
                Topics.SCENE_ACTIONS.keySerde(registry).serializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).serializer())) {
            LatencyProbe<ActionResult> probe = new LatencyProbe<>(Topics.ACTION_RESULTS, this::idOf);
            return probe.measure(bootstrapServers, registry, rate, warmUp, duration, GRACE, index -> {
                SceneAction action = move(index);
                sent.add(action.getActionId());
                return new LatencyProbe.Outgoing(action.getActionId(), () -> producer.send(new ProducerRecord<>(
                        Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action)));
            });
        }
    }

    /** Actions of this peer the pipeline rejected (they should be none). */
    long rejected() {
        return rejected.sum();
    }

    private UUID idOf(ActionResult result) {
        if (result.getStatus() != ActionStatus.ACCEPTED && sent.contains(result.getActionId())) {
            rejected.increment();
        }
        return result.getActionId();
    }

    /** The {@code n}-th update: the scene's entities in turn, as the REST clients move theirs. */
    private SceneAction move(long n) {
        List<UUID> entities = scene.entities();
        UUID entity = entities.get((int) (n % entities.size()));
        Transform transform = new Transform(new Vec3(n * 0.001, 0.0, 0.0), new Quat(0.0, 0.0, 0.0, 1.0),
                new Vec3(1.0, 1.0, 1.0));
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(scene.sceneId()).setSessionId(null)
                .setClientId(scene.peer().name()).setToken(scene.peer().token())
                .setClientSeq(clientSeq.incrementAndGet()).setSentAt(Instant.now()).setPersist(true)
                .setOperations(List.of(UpdateComponents.newBuilder().setEntityId(entity)
                        .setComponents(Components.newBuilder().setTransform(transform).build())
                        .setExpectedVersion(null).build()))
                .build();
    }
}
