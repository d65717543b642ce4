package io.scenelog.streams.testing;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import io.scenelog.testkit.KafkaTestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Producers and read_committed consumers of catalogue topics on the shared broker, for integration tests. */
public final class TopicClients {

    private TopicClients() {
    }

    /** An idempotent producer for a topic's types. */
    public static <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic, SchemaRegistryClient registry) {
        Map<String, Object> config = KafkaTestClients.producerConfig();
        return new KafkaProducer<>(config, topic.keySerde(registry).serializer(),
                topic.valueSerde(registry).serializer());
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static <K, V> void send(KafkaProducer<K, V> producer, String topic, K key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        }
    }

    /** A read_committed consumer from the beginning of a topic, in a fresh group. */
    public static <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic, SchemaRegistryClient registry) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(KafkaTestClients.consumerConfig(),
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    /**
     * Polls until {@code done} holds for what was read so far (records kept by {@code keep}), within a deadline.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readUntil(KafkaConsumer<K, V> consumer,
            Predicate<ConsumerRecord<K, V>> keep, Predicate<List<ConsumerRecord<K, V>>> done, Duration deadline) {
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(1)).until(() -> {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(100))) {
                if (keep.test(record)) {
                    read.add(record);
                }
            }
            return done.test(read);
        });
        return read;
    }

    /**
     * Reads a topic from the beginning up to its end as of now (read_committed: the last stable offset), in a fresh
     * consumer, within a deadline.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic, SchemaRegistryClient registry,
            Duration deadline) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(KafkaTestClients.consumerConfig(),
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> read = new ArrayList<>();
            Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(1)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(read::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return read;
        }
    }
}
