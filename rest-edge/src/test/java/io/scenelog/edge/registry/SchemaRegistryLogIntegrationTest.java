package io.scenelog.edge.registry;

import static io.scenelog.edge.registry.RegistrySchemas.USER_V1;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V2;
import static io.scenelog.edge.registry.RegistrySchemas.subject;
import static io.scenelog.edge.registry.RegistrySchemas.uniqueRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.edge.registry.internal.kafka.KafkaRegistryStore;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The {@code _schemas} log as the source of truth: restarts, several instances, and bad records. */
class SchemaRegistryLogIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void shouldKeepIdsAndVersionsAcrossARestart() {
        // given
        String subject = subject();
        int v1;
        int v2;
        int versionsBefore;
        try (EdgeServer first = EdgeServers.startOnSharedKafka()) {
            RegistryHttp http = new RegistryHttp(first.baseUri());
            v1 = http.register(subject, USER_V1);
            v2 = http.register(subject, USER_V2);
            versionsBefore = http.get("/subjects/" + subject + "/versions").json().size();
        }

        // when
        try (EdgeServer second = EdgeServers.startOnSharedKafka()) {
            RegistryHttp http = new RegistryHttp(second.baseUri());

            // then
            assertThat(http.get("/subjects/" + subject + "/versions/1").json().get("id").asInt()).isEqualTo(v1);
            assertThat(http.get("/subjects/" + subject + "/versions/2").json().get("id").asInt()).isEqualTo(v2);
            assertThat(http.get("/subjects/" + subject + "/versions").json().size()).isEqualTo(versionsBefore);
            assertThat(http.get("/schemas/ids/" + v1).json().get("schema").asText()).isEqualTo(USER_V1);
            assertThat(http.register(subject, USER_V2)).isEqualTo(v2);
        }
    }

    @Test
    void shouldKeepTwoInstancesInSyncAndNeverHandOutAnIdTwice() {
        try (EdgeServer a = EdgeServers.startOnSharedKafka(); EdgeServer b = EdgeServers.startOnSharedKafka()) {
            RegistryHttp httpA = new RegistryHttp(a.baseUri());
            RegistryHttp httpB = new RegistryHttp(b.baseUri());
            String subject = subject();

            // when: the instances take turns writing, fencing each other's transactional writer
            int first = httpA.register(subject(), uniqueRecord());
            int second = httpB.register(subject(), uniqueRecord());
            int third = httpA.register(subject, uniqueRecord());

            // then
            assertThat(second).isGreaterThan(first);
            assertThat(third).isGreaterThan(second);
            await().atMost(DEADLINE).untilAsserted(() ->
                    assertThat(httpB.get("/subjects/" + subject + "/versions/1").json().path("id").asInt())
                            .isEqualTo(third));
        }
    }

    @Test
    void shouldSkipCorruptRecordsWithoutAssigningAnId() {
        try (EdgeServer server = EdgeServers.startOnSharedKafka()) {
            // given
            RegistryHttp http = new RegistryHttp(server.baseUri());
            int before = http.register(subject(), uniqueRecord());
            String bogusSubject = subject();
            try (KafkaProducer<String, String> producer = plainProducer()) {
                producer.send(new ProducerRecord<>(Topics.SCHEMAS.name(), "not json at all", "garbage"));
                producer.send(new ProducerRecord<>(Topics.SCHEMAS.name(), schemaKey(bogusSubject),
                        "{\"subject\":\"" + bogusSubject + "\",\"version\":1,\"id\":2000000000,"
                                + "\"schema\":\"not avro\",\"deleted\":false}"));
                producer.send(new ProducerRecord<>(Topics.SCHEMAS.name(), "{\"keytype\":\"SCHEMA\"}", "{}"));
                producer.flush();
            }

            // when
            int next = http.register(subject(), uniqueRecord());

            // then
            assertThat(next).isGreaterThan(before).isLessThan(2_000_000_000);
            assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(bogusSubject);
            try (EdgeServer restarted = EdgeServers.startOnSharedKafka()) {
                RegistryHttp again = new RegistryHttp(restarted.baseUri());
                assertThat(again.get("/health").status()).isEqualTo(200);
                assertThat(again.register(subject(), uniqueRecord())).isEqualTo(next + 1);
            }
        }
    }

    @Test
    void shouldNeverExposeAnAbortedWrite() {
        try (EdgeServer server = EdgeServers.startOnSharedKafka()) {
            // given: another writer's transaction names the next id, then aborts
            RegistryHttp http = new RegistryHttp(server.baseUri());
            int before = http.register(subject(), uniqueRecord());
            String forged = subject();
            try (KafkaProducer<String, String> writer = new KafkaProducer<>(
                    KafkaTestClients.transactionalProducerConfig("registry-it-aborted"), new StringSerializer(),
                    new StringSerializer())) {
                writer.initTransactions();
                writer.beginTransaction();
                writer.send(new ProducerRecord<>(Topics.SCHEMAS.name(), schemaKey(forged),
                        schemaValue(forged, before + 1, "\"string\"")));
                writer.flush();
                writer.abortTransaction();
            }

            // when
            String schema = uniqueRecord();
            int id = http.register(subject(), schema);

            // then
            assertThat(id).isEqualTo(before + 1);
            assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(schema);
            assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(forged);
        }
    }

    @Test
    void shouldFenceAZombieWriterAndDiscardItsHalfWrittenRecord() {
        try (EdgeServer server = EdgeServers.startOnSharedKafka()) {
            // given: a zombie holding the registry's transactional id leaves a transaction open
            RegistryHttp http = new RegistryHttp(server.baseUri());
            int before = http.register(subject(), uniqueRecord());
            String forged = subject();
            Map<String, Object> config = KafkaTestClients.producerConfig();
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    KafkaRegistryStore.transactionalId(Topics.SCHEMAS.name()));
            try (KafkaProducer<String, String> zombie = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer())) {
                zombie.initTransactions();
                zombie.beginTransaction();
                zombie.send(new ProducerRecord<>(Topics.SCHEMAS.name(), schemaKey(forged),
                        schemaValue(forged, before + 1, "\"string\"")));
                zombie.flush();

                // when
                String schema = uniqueRecord();
                int id = http.register(subject(), schema);

                // then
                assertThat(id).isEqualTo(before + 1);
                assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(schema);
                assertThatThrownBy(zombie::commitTransaction).isInstanceOf(KafkaException.class);
            }
            assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(forged);
        }
    }

    private static KafkaProducer<String, String> plainProducer() {
        return new KafkaProducer<>(KafkaTestClients.producerConfig(), new StringSerializer(), new StringSerializer());
    }

    private static String schemaKey(String subject) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":1,\"magic\":1}";
    }

    private static String schemaValue(String subject, int id, String schema) {
        return "{\"subject\":\"" + subject + "\",\"version\":1,\"id\":" + id + ",\"schema\":"
                + "\"" + schema.replace("\"", "\\\"") + "\",\"deleted\":false}";
    }
}
