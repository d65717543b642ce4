package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.topics.ConsumerLoop;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.action.ActionDecider;
import io.scenelog.streams.action.ActionOutcome;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark's peer: the plainest correct loop around the same validation code as platform-streams
 * ({@link ActionDecider#decide}): consume an action, decide it against in-memory state, produce its event, its
 * result and its entity states with an idempotent producer. No transactions, no state stores, no changelogs: the
 * pipeline's throughput is reported as a ratio to this loop's.
 */
final class BareCommitLoop implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaProducer<String, SpecificRecord> producer;
    private final ActionDecider decider;
    private final Map<UUID, MapSceneState> scenes = new HashMap<>();
    private final int partitions;
    private final ConsumerLoop<String, SceneAction> loop;
    private final AtomicReference<RuntimeException> sendFailure = new AtomicReference<>();

    /**
     * Starts consuming {@code scene-actions} at {@code start}.
     *
     * @param scenes the scenes that exist (the loop skips scene creation, which costs nothing in either system)
     */
    BareCommitLoop(String bootstrapServers, SchemaRegistryClient registry, TokenKey key, List<UUID> scenes,
            Map<TopicPartition, Long> start) {
        scenes.forEach(id -> this.scenes.put(id, new MapSceneState(id)));
        this.decider = new ActionDecider(new TokenVerifier(key, Clock.systemUTC()));
        KafkaConsumer<String, SceneAction> consumer = new KafkaConsumer<>(
                ClientConfigs.committedReader(bootstrapServers, "scenelog-bench-peer"),
                Topics.SCENE_ACTIONS.keySerde(registry).deserializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).deserializer());
        this.producer = new KafkaProducer<>(ClientConfigs.idempotentProducer(bootstrapServers,
                "scenelog-bench-peer", 5), Topics.SCENE_EVENTS.keySerde(registry).serializer(),
                new AvroSerializer<>(registry, false));
        this.partitions = start.size();
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        this.loop = new ConsumerLoop<>("scenelog-bench-peer", consumer, POLL, this::commitAll);
        this.loop.start();
    }

    void rethrowFailure() {
        loop.rethrowFailure("The bare loop");
        RuntimeException e = sendFailure.get();
        if (e != null) {
            throw new IllegalStateException("The bare loop failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        loop.close();
        producer.close(Duration.ofSeconds(5));
    }

    private void commitAll(ConsumerRecords<String, SceneAction> records) {
        for (ConsumerRecord<String, SceneAction> record : records) {
            if (record.value() != null) {
                commit(record.value());
            }
        }
    }

    private void commit(SceneAction action) {
        MapSceneState state = scenes.get(action.getSceneId());
        if (state == null) {
            return;
        }
        Instant now = Instant.now();
        ActionOutcome outcome = decider.decide(state, action, now);
        ActionResult result;
        if (outcome instanceof ActionOutcome.Committed committed) {
            state.commit(committed.event().getVersion(), committed.writes());
            send(Topics.SCENE_EVENTS.name(), null, action.getSceneId().toString(), committed.event());
            int partition = StateKeys.partitionOf(action.getSceneId(), partitions);
            committed.writes().forEach((entityId, entity) -> send(Topics.SCENE_STATE.name(), partition,
                    StateKeys.sceneEntity(action.getSceneId(), entityId), entity));
            result = result(action, ActionStatus.ACCEPTED, null, committed.event().getVersion(), now);
        } else if (outcome instanceof ActionOutcome.Rejected rejected) {
            result = result(action, ActionStatus.REJECTED, rejected.rejection().reason(), null, now);
        } else {
            result = result(action, ActionStatus.REJECTED, ReasonCode.DUPLICATE, null, now);
        }
        state.remember(new ClientSeq(action.getSceneId(), action.getSessionId(), action.getClientId(),
                action.getClientSeq()), result);
        send(Topics.ACTION_RESULTS.name(), null, action.getClientId(), result);
    }

    private void send(String topic, Integer partition, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, new IllegalStateException("Cannot write to " + topic, e));
            }
        });
    }

    private static ActionResult result(SceneAction action, ActionStatus status, ReasonCode reason, Long version,
            Instant now) {
        return ActionResult.newBuilder().setActionId(action.getActionId()).setSceneId(action.getSceneId())
                .setSessionId(action.getSessionId()).setClientId(action.getClientId())
                .setClientSeq(action.getClientSeq()).setStatus(status).setReason(reason).setMessage("")
                .setSceneVersion(version).setOriginalStatus(null).setOriginalReason(null).setDecidedAt(now).build();
    }
}
