package io.scenelog.app.check;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.streams.StateKeys;
import io.scenelog.app.kafka.TopicSnapshot;
import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what the platform committed for one scene, as {@code read_committed} snapshots up to the current ends of
 * {@code scene-events}, {@code action-results} and {@code scene-state}: the input of {@link CommitLogChecker}.
 */
public final class CommittedLogReader {

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;

    /** A reader of the cluster's topics, decoding through the registry. */
    public CommittedLogReader(String bootstrapServers, SchemaRegistryClient registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /** Everything the checker needs about {@code sceneId}, with the actions a driver sent there. */
    public CheckInput read(UUID sceneId, Map<UUID, SceneAction> sent, Duration timeout) {
        return new CheckInput(sceneId, sent, results(sceneId, timeout), events(sceneId, timeout),
                state(sceneId, timeout));
    }

    /** The scene's committed events from the beginning of the log (one partition: the scene's). */
    public List<SceneEvent> events(UUID sceneId, Duration timeout) {
        return snapshot(Topics.SCENE_EVENTS, sceneId, true, timeout).stream()
                .map(ConsumerRecord::value)
                .filter(e -> e != null && sceneId.equals(e.getSceneId()))
                .toList();
    }

    /** The results of actions on the scene (all partitions: results are keyed by session or client). */
    public List<ActionResult> results(UUID sceneId, Duration timeout) {
        return snapshot(Topics.ACTION_RESULTS, sceneId, false, timeout).stream()
                .map(ConsumerRecord::value)
                .filter(r -> r != null && sceneId.equals(r.getSceneId()))
                .toList();
    }

    /** The scene's entities in {@code scene-state}: latest value per key, tombstones removed. */
    public Map<UUID, EntityState> state(UUID sceneId, Duration timeout) {
        String prefix = StateKeys.prefix(sceneId);
        Map<UUID, EntityState> state = new HashMap<>();
        // platform-streams writes a scene's state to the scene's partition (StateKeys.partitionOf).
        for (ConsumerRecord<String, EntityState> record : snapshot(Topics.SCENE_STATE, sceneId, true, timeout)) {
            if (record.key() == null || !record.key().startsWith(prefix)) {
                continue;
            }
            UUID entityId = UUID.fromString(record.key().substring(prefix.length()));
            if (record.value() == null) {
                state.remove(entityId);
            } else {
                state.put(entityId, record.value());
            }
        }
        return state;
    }

    /**
     * @param sceneOnly read only the scene's partition (topics written by platform-streams and by scene)
     */
    private <V> List<ConsumerRecord<String, V>> snapshot(Topic<String, V> topic, UUID sceneId, boolean sceneOnly,
            Duration timeout) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                ClientConfigs.committedReader(bootstrapServers, "scenelog-check"),
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer())) {
            int partitions = consumer.partitionsFor(topic.name(), timeout).size();
            List<TopicPartition> read = sceneOnly
                    ? List.of(new TopicPartition(topic.name(), StateKeys.partitionOf(sceneId, partitions)))
                    : IntStream.range(0, partitions)
                            .mapToObj(p -> new TopicPartition(topic.name(), p)).toList();
            return TopicSnapshot.read(consumer, read, timeout);
        }
    }
}
