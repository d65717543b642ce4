package io.scenelog.app.simulate;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.topics.ConsumerLoop;
import io.scenelog.model.ActionResult;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the results of one client's actions on {@code action-results}, on a thread of its own. It positions itself
 * at the topic's end before the client sends anything, so it sees every result of this run and none of an earlier
 * one. Results a caller waits for explicitly (a control command's) are handed to the caller instead of counted.
 */
final class ResultTracker implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, ActionResult> consumer;
    private final String clientId;
    private final Map<UUID, CompletableFuture<ActionResult>> awaited = new ConcurrentHashMap<>();
    private final PathCounts counts;
    private final ConsumerLoop<String, ActionResult> loop;

    ResultTracker(String bootstrapServers, SchemaRegistryClient registry, String clientId, PathCounts counts) {
        this.clientId = clientId;
        this.counts = counts;
        this.consumer = new KafkaConsumer<>(ClientConfigs.committedReader(bootstrapServers, clientId + "-results"),
                Topics.ACTION_RESULTS.keySerde(registry).deserializer(),
                Topics.ACTION_RESULTS.valueSerde(registry).deserializer());
        this.loop = new ConsumerLoop<>("scenelog-simulate-results", consumer, POLL, this::countAll,
                e -> awaited.values().forEach(f -> f.completeExceptionally(e)));
    }

    /** Positions at the end of every partition (resolved now, before anything is sent), then follows. */
    void start(Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTION_RESULTS.name(), timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, timeout));
        loop.start();
    }

    /** The result of {@code actionId}, which is then not counted; register before sending the action. */
    CompletableFuture<ActionResult> await(UUID actionId) {
        return awaited.computeIfAbsent(actionId, id -> new CompletableFuture<>());
    }

    /** Throws the error that stopped the follower thread, if one did. */
    void rethrowFailure() {
        loop.rethrowFailure("Reading action-results");
    }

    @Override
    public void close() {
        loop.close();
    }

    private void countAll(ConsumerRecords<String, ActionResult> records) {
        for (ConsumerRecord<String, ActionResult> record : records) {
            count(record.value());
        }
    }

    private void count(ActionResult result) {
        if (result == null || !clientId.equals(result.getClientId())) {
            return;
        }
        CompletableFuture<ActionResult> waiting = awaited.remove(result.getActionId());
        if (waiting != null) {
            waiting.complete(result);
        } else {
            counts.answered(result);
        }
    }
}
