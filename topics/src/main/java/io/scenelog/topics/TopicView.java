package io.scenelog.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest value per key of a compacted topic, followed from the beginning with {@code read_committed} into memory
 * (tombstones remove). Every edge and bridge instance keeps its own: the topics viewed (scenes, sessions, assets,
 * api-keys) hold metadata, small next to scene state.
 *
 * <p>Reads are eventually consistent; {@link #awaitCaughtUp} gives read-your-writes: after a write was acknowledged,
 * wait until the view has consumed everything committed before the call.
 *
 * @param <V> value type
 */
public final class TopicView<V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final KafkaConsumer<String, V> consumer;
    private final KafkaConsumer<byte[], byte[]> endProbe;
    private final ConsumerLoop<String, V> loop;
    private final Object progress = new Object();

    private TopicView(String topic, KafkaConsumer<String, V> consumer, KafkaConsumer<byte[], byte[]> endProbe) {
        this.topic = topic;
        this.consumer = consumer;
        this.endProbe = endProbe;
        this.loop = new ConsumerLoop<>("scenelog-view-" + topic, consumer, POLL, this::apply, this::fail);
    }

    /**
     * Starts following a topic from its beginning.
     *
     * @param config consumer configuration (bootstrap servers and the like; group-less, read_committed is forced)
     * @param valueDeserializer reads the topic's values
     */
    public static <V> TopicView<V> follow(Topic<String, V> topic, Map<String, Object> config,
            Deserializer<V> valueDeserializer) {
        Map<String, Object> consumerConfig = readCommittedFollower(config, "scenelog-view-" + topic.name());
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig,
                new StringDeserializer(), valueDeserializer);
        KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = partitions(consumer, topic.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // assigned, never polled: endOffsets on unassigned partitions makes the consumer log a warning each time
            probe.assign(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            probe.close();
            throw e;
        }
        TopicView<V> view = new TopicView<>(topic.name(), consumer, probe);
        view.loop.start();
        return view;
    }

    /**
     * The config of a consumer that follows whole topics without a group: it sees only committed transactions (the
     * pipeline writes transactionally) and never commits offsets, because every instance reads everything from where
     * it needs.
     *
     * @param base           bootstrap servers and the like
     * @param clientIdPrefix the client id's prefix when the base names none (a random suffix keeps them apart)
     */
    public static Map<String, Object> readCommittedFollower(Map<String, Object> base, String clientIdPrefix) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    /** The current value of a key. */
    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every current value (a live view: copy before sorting). */
    public Collection<V> values() {
        return values.values();
    }

    /** How many keys have a value. */
    public int size() {
        return values.size();
    }

    /** The error that stopped the view, if one did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Waits until the view has consumed every record committed to the topic before this call.
     *
     * @throws TimeoutException when that takes longer than {@code timeout}
     * @throws IllegalStateException when the view has stopped on an error
     */
    public void awaitCaughtUp(Duration timeout) throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> ends;
        synchronized (endProbe) {
            try {
                ends = endProbe.endOffsets(partitionsOf(endProbe), timeout);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // The broker did not answer within the time left: the same outcome as not catching up in time
                // (callers waiting in rounds pass short remainders, and a busy broker takes a few ms to answer).
                throw new TimeoutException("The end offsets of " + topic + " were not known within " + timeout);
            }
        }
        synchronized (progress) {
            while (!reached(ends)) {
                loop.rethrowFailure("Following " + topic);
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0) {
                    throw new TimeoutException("The view of " + topic + " did not catch up within " + timeout);
                }
                progress.wait(Math.min(waitMillis, POLL.toMillis()));
            }
        }
    }

    /** Whether the view has read everything committed when it was last asked (cheap, for health checks). */
    public boolean caughtUp(Duration timeout) {
        try {
            awaitCaughtUp(timeout);
            return true;
        } catch (TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        loop.close();
        synchronized (endProbe) {
            endProbe.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecords<String, V> records) {
        for (ConsumerRecord<String, V> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                values.remove(record.key());
            } else {
                values.put(record.key(), record.value());
            }
        }
        // The consumer's position, not the last record's offset + 1: transaction markers take offsets too, and the
        // end offsets awaitCaughtUp compares with count them. position() is local here (called on the loop's
        // thread, the only one that touches the consumer).
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition));
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void fail(RuntimeException e) {
        failure.set(e);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist; provision the topic catalogue first");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer) {
        return partitions(consumer, topic);
    }
}
