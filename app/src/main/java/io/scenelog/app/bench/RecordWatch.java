package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Watches a topic from its current end as a {@code read_committed} reader and tells a listener about each record
 * the moment a poll returns it ({@link System#nanoTime()}): the "visible to readers" side of every measurement.
 *
 * @param <V> the topic's value type
 */
final class RecordWatch<V> implements AutoCloseable {

    /** Told about each record; called on the watch's own thread. */
    @FunctionalInterface
    interface Listener<V> {
        void seen(V value, long seenNanos);
    }

    private static final Duration POLL = Duration.ofMillis(5);

    private final KafkaConsumer<String, V> consumer;
    private final Listener<V> listener;
    private final Thread thread;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** Positions at the end of every partition now, before the caller produces anything, then starts watching. */
    RecordWatch(String bootstrapServers, SchemaRegistryClient registry, Topic<String, V> topic, Listener<V> listener) {
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(ClientConfigs.committedReader(bootstrapServers, "scenelog-bench-watch"),
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::watch, "scenelog-bench-watch-" + topic.name());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Throws what stopped the watch, if something did. */
    void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException("The benchmark's reader failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        try {
            while (running) {
                var records = consumer.poll(POLL);
                long seen = System.nanoTime();
                for (ConsumerRecord<String, V> record : records) {
                    if (record.value() != null) {
                        listener.seen(record.value(), seen);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure.set(e);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
