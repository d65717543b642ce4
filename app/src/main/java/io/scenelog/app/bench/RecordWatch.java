package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.topics.ConsumerLoop;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a topic from its current end as a {@code read_committed} reader and tells a listener about each record
 * the moment a poll returns it ({@link System#nanoTime()}): the "visible to readers" side of every measurement.
 *
 * @param <V> the topic's value type
 */
public final class RecordWatch<V> implements AutoCloseable {

    /** Told about each record; called on the watch's own thread. */
    @FunctionalInterface
    public interface Listener<V> {
        void seen(V value, long seenNanos);
    }

    private static final Duration POLL = Duration.ofMillis(5);

    private final Listener<V> listener;
    private final ConsumerLoop<String, V> loop;

    /** Positions at the end of every partition now, before the caller produces anything, then starts watching. */
    public RecordWatch(String bootstrapServers, SchemaRegistryClient registry, Topic<String, V> topic,
            Listener<V> listener) {
        this.listener = listener;
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                ClientConfigs.committedReader(bootstrapServers, "scenelog-bench-watch"),
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.loop = new ConsumerLoop<>("scenelog-bench-watch-" + topic.name(), consumer, POLL, this::seen);
        this.loop.start();
    }

    /** Throws what stopped the watch, if something did. */
    public void rethrowFailure() {
        loop.rethrowFailure("The benchmark's reader");
    }

    @Override
    public void close() {
        loop.close();
    }

    private void seen(ConsumerRecords<String, V> records) {
        long seen = System.nanoTime();
        for (ConsumerRecord<String, V> record : records) {
            if (record.value() != null) {
                listener.seen(record.value(), seen);
            }
        }
    }
}
