package io.scenelog.edge.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerdes;
import io.scenelog.schemas.wire.SpecificAvroSerde;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.testkit.UniqueNames;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code schemas} module's registry client and Confluent wire-format serde against this
 * registry: a Scenelog record goes through Kafka and comes back equal, under the id the registry
 * assigned.
 */
class WireFormatRoundTripIntegrationTest {

    private static EdgeServer server;

    @BeforeAll
    static void startServer() {
        server = EdgeServers.startOnSharedKafka();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldRoundTripASpecificRecordThroughKafkaAndTheRegistry() {
        // given
        String topic = KafkaTestClients.createTopic(UniqueNames.topic("registry-wire"), 1);
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.baseUri());
        NodeStatus status = NodeStatus.newBuilder()
                .setNodeId("node-" + UUID.randomUUID())
                .setStatus(NodeState.UP)
                .setCapacity(4)
                .setSessions(List.of())
                .setCpuLoad(0.25)
                .setDevice("llvmpipe (CPU)")
                .setHost("127.0.0.1")
                .setFrameEndpoint(null)
                .setHeartbeatAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();

        // when
        try (SpecificAvroSerde<NodeStatus> serde = AvroSerdes.specific(NodeStatus.class, client, false);
                KafkaProducer<String, NodeStatus> producer = new KafkaProducer<>(KafkaTestClients.producerConfig(),
                        new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, status.getNodeId().toString(), status)).get();
        } catch (Exception e) {
            throw new AssertionError("Producing through the wire serde failed", e);
        }

        // then
        byte[] bytes = TopicRecords.firstValue(topic);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(bytes[0]).isZero();
        RegistryHttp http = new RegistryHttp(server.baseUri());
        assertThat(http.get("/subjects/" + topic + "-value/versions/latest").json().get("id").asInt()).isEqualTo(id);
        try (SpecificAvroSerde<NodeStatus> serde = AvroSerdes.specific(NodeStatus.class,
                new HttpSchemaRegistryClient(server.baseUri()), false)) {
            assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(status);
        }
    }
}
