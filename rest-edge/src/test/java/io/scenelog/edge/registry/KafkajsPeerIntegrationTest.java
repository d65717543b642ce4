package io.scenelog.edge.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerdes;
import io.scenelog.schemas.wire.GenericAvroSerde;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.testkit.SharedKafka;
import io.scenelog.testkit.UniqueNames;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients no one here wrote, kafkajs 2.2.4 and {@code @kafkajs/confluent-schema-registry} 3.9.0,
 * against our broker and registry, exchanging records with our Java serde in both directions.
 */
class KafkajsPeerIntegrationTest {

    private static final Schema READING = new Schema.Parser().parse("""
            {"type":"record","name":"Reading","namespace":"io.scenelog.it",
             "fields":[{"name":"sensor","type":"string"},{"name":"value","type":"double"},
                       {"name":"flags","type":{"type":"array","items":"string"}}]}""");

    private static EdgeServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = EdgeServers.startOnSharedKafka();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldReadWithTheJavaSerdeWhatKafkajsRegisteredAndProduced() {
        // given
        NodePeer peer = NodePeer.locate(work);
        String topic = KafkaTestClients.createTopic(UniqueNames.topic("peer-kafkajs-in"), 1);

        // when
        JsonNode produced = peer.run("produce", environment(topic));

        // then
        byte[] bytes = TopicRecords.firstValue(topic);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(produced.get("id").asInt());
        assertThat(produced.get("subject").asText()).isEqualTo(topic + "-value");
        try (GenericAvroSerde serde = AvroSerdes.generic(new HttpSchemaRegistryClient(server.baseUri()), false)) {
            GenericRecord record = serde.deserializer().deserialize(topic, bytes);
            assertThat(record.getSchema().getFullName()).isEqualTo("io.scenelog.peer.PeerGreeting");
            assertThat(record.get("name").toString()).isEqualTo("from-kafkajs");
            assertThat(record.get("count")).isEqualTo(42);
            assertThat(record.get("tags").toString()).isEqualTo("[peer, node]");
        }
    }

    @Test
    void shouldDecodeInKafkajsWhatTheJavaSerdeProduced() {
        // given
        NodePeer peer = NodePeer.locate(work);
        String topic = KafkaTestClients.createTopic(UniqueNames.topic("peer-kafkajs-out"), 1);
        GenericRecord reading = new GenericData.Record(READING);
        reading.put("sensor", "thermo-7");
        reading.put("value", 21.5);
        reading.put("flags", List.of("calibrated", "indoor"));
        try (GenericAvroSerde serde = AvroSerdes.generic(new HttpSchemaRegistryClient(server.baseUri()), false);
                KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(KafkaTestClients.producerConfig(),
                        new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "thermo-7", reading)).get();
        } catch (Exception e) {
            throw new AssertionError("Producing with the Java serde failed", e);
        }

        // when
        JsonNode consumed = peer.run("consume", environment(topic));

        // then
        assertThat(consumed.get("key").asText()).isEqualTo("thermo-7");
        JsonNode value = consumed.get("value");
        assertThat(value.get("sensor").asText()).isEqualTo("thermo-7");
        assertThat(value.get("value").asDouble()).isEqualTo(21.5);
        assertThat(value.get("flags").toString()).isEqualTo("[\"calibrated\",\"indoor\"]");
    }

    private static Map<String, String> environment(String topic) {
        String registry = server.baseUri().toString();
        return Map.of(
                "PEER_BOOTSTRAP", SharedKafka.bootstrapServers(),
                "PEER_REGISTRY_URL", registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry,
                "PEER_TOPIC", topic);
    }
}
