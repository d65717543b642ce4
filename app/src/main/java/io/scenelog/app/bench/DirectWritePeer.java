package io.scenelog.app.bench;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The paced pipeline peer: the REST writes' transform updates produced straight to Kafka at a constant rate (the
 * rate the REST writes reached), each timed from its intended send time until its {@link ActionResult} is visible to
 * a {@code read_committed} reader ({@link LatencyProbe}, as in {@code bench commit}): what a PATCH waits for inside
 * the edge, without HTTP, JSON, the edge's authentication and the state read that answers the PATCH.
 */
final class DirectWritePeer {

    /** How long the last actions' results may take before they count as missing. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final DirectActions actions;
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    private final LongAdder rejected = new LongAdder();

    DirectWritePeer(String bootstrapServers, SchemaRegistryClient registry, DirectActions actions) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.actions = actions;
    }

    /**
     * Sends at {@code rate} for the warm-up, then times for {@code duration}.
     *
     * @return the latencies; actions the pipeline rejected are counted by {@link #rejected()}
     */
    Percentiles measure(double rate, Duration warmUp, Duration duration) throws InterruptedException {
        List<UUID> entities = actions.scene().entities();
        try (KafkaProducer<String, SceneAction> producer = DirectActions.producer(bootstrapServers, registry)) {
            LatencyProbe<ActionResult> probe = new LatencyProbe<>(Topics.ACTION_RESULTS, this::idOf);
            return probe.measure(bootstrapServers, registry, rate, warmUp, duration, GRACE, index -> {
                SceneAction action = actions.move(entities.get((int) (index % entities.size())), index * 0.001);
                sent.add(action.getActionId());
                return new LatencyProbe.Outgoing(action.getActionId(),
                        () -> producer.send(DirectActions.record(action)));
            });
        }
    }

    /** Actions of this peer the pipeline rejected, warm-up included (they should be none). */
    long rejected() {
        return rejected.sum();
    }

    private UUID idOf(ActionResult result) {
        if (result.getStatus() != ActionStatus.ACCEPTED && sent.contains(result.getActionId())) {
            rejected.increment();
        }
        return result.getActionId();
    }
}
