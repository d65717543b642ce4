package io.scenelog.app;

import static org.awaitility.Awaitility.await;

import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The orchestration test's window on the platform's topics: the sessions and render nodes as the platform records
 * them (followed, read_committed), and the commit log of a scene.
 */
final class OrchestrationTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final TopicView<SessionRecord> sessions;
    private final TopicView<NodeStatus> nodes;

    private OrchestrationTopics(String bootstrapServers, SchemaRegistryClient registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.sessions = TopicView.follow(Topics.SESSIONS, config, Topics.SESSIONS.valueSerde(registry).deserializer());
        this.nodes = TopicView.follow(Topics.RENDER_NODES, config,
                Topics.RENDER_NODES.valueSerde(registry).deserializer());
    }

    static OrchestrationTopics follow(String bootstrapServers, String registryUrl) {
        return new OrchestrationTopics(bootstrapServers, new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(URI.create(registryUrl))));
    }

    /** Waits until the node's last heartbeat says UP. */
    void awaitNodeUp(String nodeId, Duration timeout) {
        await("render node " + nodeId + " UP").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> nodes.get(nodeId).map(n -> n.getStatus() == NodeState.UP).orElse(false));
    }

    /** Waits until the session's record matches, and returns it. */
    SessionRecord awaitSession(UUID sessionId, String what, Predicate<SessionRecord> match, Duration timeout) {
        return await("session " + sessionId + " " + what + " (last record: " + session(sessionId).orElse(null) + ")")
                .atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> session(sessionId).filter(match), Optional::isPresent).orElseThrow();
    }

    Optional<SessionRecord> session(UUID sessionId) {
        return sessions.get(sessionId.toString());
    }

    /** The actionIds of every event committed for the scene so far (read_committed, from the beginning). */
    Set<UUID> committedActionIds(UUID sceneId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<UUID> actionIds = new HashSet<>();
        try (KafkaConsumer<String, SceneEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.SCENE_EVENTS.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SCENE_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read scene-events to its end within 30 s");
                }
                for (ConsumerRecord<String, SceneEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().getSceneId().equals(sceneId)) {
                        actionIds.add(record.value().getActionId());
                    }
                }
            }
        }
        return actionIds;
    }

    @Override
    public void close() {
        sessions.close();
        nodes.close();
    }
}
