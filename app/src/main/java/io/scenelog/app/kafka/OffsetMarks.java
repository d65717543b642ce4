package io.scenelog.app.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions in input topics. A fresh Streams application (a benchmark run, a test's pipeline) reads the catalogue's
 * topics, which others wrote to before; it starts where its own records begin when its group offsets are set there
 * before it starts, instead of reprocessing everything from the earliest offset.
 */
public final class OffsetMarks {

    private static final long TIMEOUT_SECONDS = 30;

    /** Makes a new Streams application start at the current end of the topics it reads. */
    public static void startAtEnd(Admin admin, String applicationId, List<String> topics, int partitions) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        topics.forEach(topic -> starts.putAll(ends(admin, topic, partitions)));
        startGroupAt(admin, applicationId, starts);
    }

    private OffsetMarks() {
    }

    /** The current end of every partition of {@code topic}. */
    public static Map<TopicPartition, Long> ends(Admin admin, String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            query.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(query).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end offsets of " + topic, e);
        }
    }

    /** Makes consumer group {@code groupId} (a Streams application id) start at {@code offsets}. */
    public static void startGroupAt(Admin admin, String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> positions = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        try {
            admin.alterConsumerGroupOffsets(groupId, positions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot set the offsets of group " + groupId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the offsets of group " + groupId, e);
        }
    }
}
