package io.scenelog.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIntegrationTest {

    @TempDir
    static Path sharedDirectory;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(sharedDirectory.resolve("broker")));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldDeliverProducedRecordsToAConsumer() throws Exception {
        // given
        KafkaClients.createTopic(broker.bootstrapServers(), "round-trip");

        // when
        KafkaClients.produce(broker.bootstrapServers(), "round-trip", List.of("a", "b", "c"));

        // then
        assertThat(KafkaClients.consume(broker.bootstrapServers(), "round-trip", 3))
                .containsExactly("a", "b", "c");
    }

    @Test
    void shouldCommitTransactionsWithASingleReplica() throws Exception {
        // given
        KafkaClients.createTopic(broker.bootstrapServers(), "transactional");
        Map<String, Object> transactional = Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);

        // when
        try (KafkaProducer<String, String> producer =
                KafkaClients.producer(broker.bootstrapServers(), transactional)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "committed"));
            producer.commitTransaction();
        }

        // then
        assertThat(KafkaClients.consume(broker.bootstrapServers(), "transactional", 1))
                .containsExactly("committed");
    }

    @Test
    void shouldThrowInsteadOfExitingTheJvmOnAFatalBrokerError() {
        // given a started broker (its start installed the exit procedures)

        // when / then
        assertThatThrownBy(() -> Exit.exit(1, "simulated fatal error"))
                .isInstanceOf(BrokerFatalErrorException.class)
                .hasMessageContaining("exit with status 1: simulated fatal error")
                .extracting(e -> ((BrokerFatalErrorException) e).statusCode()).isEqualTo(1);
        assertThatThrownBy(() -> Exit.halt(2, "simulated halt"))
                .isInstanceOf(BrokerFatalErrorException.class)
                .hasMessageContaining("halt with status 2: simulated halt");
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestart(@TempDir Path directory) throws Exception {
        // given
        BrokerSettings settings = BrokerSettings.defaults(directory);
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(settings)) {
            clusterId = first.clusterId();
            KafkaClients.createTopic(first.bootstrapServers(), "durable");
            KafkaClients.produce(first.bootstrapServers(), "durable", List.of("one", "two"));
        }

        // when
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(settings)) {

            // then
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaClients.listTopics(second.bootstrapServers())).contains("durable");
            assertThat(KafkaClients.consume(second.bootstrapServers(), "durable", 2))
                    .containsExactly("one", "two");
        }
    }

    @Test
    void shouldRefuseASecondBrokerOnTheSameDataDirectory() {
        // given
        Path inUse = broker.settings().dataDirectory();

        // when / then
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.defaults(inUse)))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("Data directory " + inUse + " is already used by another Scenelog broker")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }

    @Test
    void shouldNameATakenFixedPortAndLeaveTheDataDirectoryUsable(@TempDir Path directory) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(BrokerSettings.DEFAULT_HOST))) {
            // given
            BrokerSettings settings = BrokerSettings.defaults(directory).withPort(taken.getLocalPort());

            // when / then
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("Cannot bind broker port " + taken.getLocalPort());
        }
        try (EmbeddedKafkaBroker retried = EmbeddedKafkaBroker.start(BrokerSettings.defaults(directory))) {
            assertThat(retried.port()).isPositive();
        }
    }

    @Test
    void shouldTolerateASecondCloseAndReleaseTheDataDirectory(@TempDir Path directory) throws Exception {
        // given
        EmbeddedKafkaBroker closed = EmbeddedKafkaBroker.start(BrokerSettings.defaults(directory));
        closed.close();

        // when
        closed.close();
        closed.awaitShutdown();

        // then
        try (EmbeddedKafkaBroker next = EmbeddedKafkaBroker.start(BrokerSettings.defaults(directory))) {
            assertThat(next.clusterId()).isEqualTo(closed.clusterId());
        }
    }
}
