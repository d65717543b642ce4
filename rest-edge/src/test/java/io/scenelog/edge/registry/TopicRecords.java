package io.scenelog.edge.registry;

import io.scenelog.testkit.KafkaTestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads raw records back from the shared broker. */
final class TopicRecords {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    /** The value bytes of the first record of {@code topic}, waiting up to 30 s for it. */
    static byte[] firstValue(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaTestClients.consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(DEADLINE);
            while (Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    return records.iterator().next().value();
                }
            }
        }
        throw new AssertionError("No record arrived on " + topic + " within " + DEADLINE + ".");
    }
}
