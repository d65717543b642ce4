package io.scenelog.app.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions from their beginning up to the end they have when the read starts. With a
 * {@code read_committed} consumer the end is the last stable offset, so the snapshot holds every committed record
 * written before the read began and nothing of open transactions.
 */
public final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicSnapshot() {
    }

    /**
     * @param consumer   a consumer outside any group; it is reassigned to {@code partitions}
     * @param partitions what to read
     * @param timeout    how long the whole read may take
     * @return the records in partition order, each partition in offset order
     * @throws SnapshotTimeoutException when the end is not reached in time
     */
    public static <K, V> List<ConsumerRecord<K, V>> read(Consumer<K, V> consumer,
            Collection<TopicPartition> partitions, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        while (!reached(consumer, ends)) {
            if (Instant.now().isAfter(deadline)) {
                throw new SnapshotTimeoutException("Read " + records.size() + " records of " + partitions
                        + " but not up to their ends " + ends + " within " + timeout);
            }
            consumer.poll(POLL).forEach(records::add);
        }
        return records.stream()
                .filter(r -> r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())))
                .collect(Collectors.toList());
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The end of the partitions was not reached within the time allowed. */
    public static final class SnapshotTimeoutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SnapshotTimeoutException(String message) {
            super(message);
        }
    }
}
