package io.scenelog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class SharedKafkaIntegrationTest {

    @Test
    void shouldServeOneBrokerToEveryCallerInTheJvm() throws Exception {
        // given
        String first = SharedKafka.bootstrapServers();

        // when
        String second = SharedKafka.bootstrapServers();

        // then
        assertThat(second).isEqualTo(first);
        try (Admin one = KafkaTestClients.admin(); Admin other = KafkaTestClients.admin()) {
            assertThat(other.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .isEqualTo(one.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldFallBackToTheEmbeddedBrokerWithoutDocker() {
        // given
        String requested = System.getProperty(SharedKafka.MODE_PROPERTY);
        assumeThat(requested == null || requested.equals("auto")).as("auto mode").isTrue();
        assumeThat(DockerClientFactory.instance().isDockerAvailable()).as("no Docker engine").isFalse();

        // when
        SharedKafka.Mode mode = SharedKafka.mode();

        // then
        assertThat(mode).isEqualTo(SharedKafka.Mode.EMBEDDED);
    }

    @Test
    void shouldDeliverCommittedTransactionsToReadCommittedConsumers() {
        // given
        String topic = KafkaTestClients.createTopic(UniqueNames.topic("testkit"), 1);

        // when
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                KafkaTestClients.transactionalProducerConfig("testkit"), new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "key", "committed"));
            producer.commitTransaction();
        }

        // then
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                KafkaTestClients.consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
        }
        assertThat(values).containsExactly("committed");
    }
}
