package io.scenelog.edge.kafka;

import io.scenelog.model.ActionResult;
import io.scenelog.topics.ConsumerLoop;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Hands each {@code action-results} record to whoever waits for that action id. It reads every partition from the
 * end (results of other writers included), so it decodes only records whose key (the session or client the result
 * is routed to) belongs to a pending wait: a busy simulation's results cost a key comparison each.
 */
final class ResultWaiter implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<UUID, CompletableFuture<ActionResult>> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pendingKeys = new ConcurrentHashMap<>();
    private final Deserializer<ActionResult> deserializer;
    private final ConsumerLoop<byte[], byte[]> loop;

    ResultWaiter(Map<String, Object> base, Deserializer<ActionResult> deserializer) {
        this.deserializer = deserializer;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                TopicView.readCommittedFollower(base, "scenelog-edge-results"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTION_RESULTS.name(),
                    Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve it now, before any command is sent, so no result can slip past
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        this.loop = new ConsumerLoop<>("scenelog-edge-results", consumer, POLL, this::deliver, this::failAll);
        loop.start();
    }

    /**
     * Registers a wait for an action's result; call before sending the action.
     *
     * @param resultKeys the keys its result can be routed to (its session, or its client)
     */
    CompletableFuture<ActionResult> expect(UUID actionId, Set<String> resultKeys) {
        CompletableFuture<ActionResult> future = new CompletableFuture<>();
        pending.put(actionId, future);
        // count inside compute: incrementing a counter got outside it races with the removal of the last count
        resultKeys.forEach(key -> pendingKeys.compute(key, (k, count) -> {
            AtomicInteger counted = count == null ? new AtomicInteger() : count;
            counted.incrementAndGet();
            return counted;
        }));
        future.whenComplete((result, error) -> {
            pending.remove(actionId, future);
            resultKeys.forEach(key -> pendingKeys.computeIfPresent(key,
                    (k, count) -> count.decrementAndGet() <= 0 ? null : count));
        });
        return future;
    }

    /** Whether the loop still runs. */
    boolean healthy() {
        try {
            loop.rethrowFailure("Reading action-results");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        loop.close();
        failAll(new IllegalStateException("The edge is stopping"));
    }

    private void deliver(ConsumerRecords<byte[], byte[]> records) {
        if (pendingKeys.isEmpty()) {
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() == null || record.value() == null
                    || !pendingKeys.containsKey(new String(record.key(), StandardCharsets.UTF_8))) {
                continue;
            }
            ActionResult result = deserializer.deserialize(record.topic(), record.headers(), record.value());
            CompletableFuture<ActionResult> future = pending.get(result.getActionId());
            if (future != null) {
                future.complete(result);
            }
        }
    }

    private void failAll(RuntimeException cause) {
        pending.values().forEach(future -> future.completeExceptionally(cause));
    }
}
