package io.scenelog.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static final Path DIRECTORY = Path.of("build-test", "broker");

    @Test
    void shouldDefaultToALoopbackBrokerOnFreePorts() {
        // when
        BrokerSettings settings = BrokerSettings.defaults(DIRECTORY);

        // then
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isZero();
        assertThat(settings.controllerPort()).isZero();
        assertThat(settings.nodeId()).isEqualTo(1);
        assertThat(settings.clusterId()).isEmpty();
        assertThat(settings.dataDirectory()).isEqualTo(DIRECTORY.toAbsolutePath());
    }

    @Test
    void shouldCarryTheOneNodeSettings() {
        // when
        var defaults = BrokerSettings.oneNodeDefaults();

        // then
        assertThat(defaults)
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withPort(70_000))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessage("BrokerSettings.port must be 0 (pick a free port) or 1-65535, was 70000");
    }

    @Test
    void shouldRejectTheSamePortForClientsAndController() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withPort(9092).withControllerPort(9092))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("port and controllerPort are both 9092")
                .hasMessageContaining("give the controller its own port");
    }

    @Test
    void shouldRejectANegativeNodeId() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withNodeId(-1))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessage("BrokerSettings.nodeId must be 0 or more, was -1");
    }

    @Test
    void shouldRejectAMalformedClusterId() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withClusterId("my-cluster"))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("clusterId 'my-cluster' is not a Kafka cluster id")
                .hasMessageContaining("leave it empty to generate one");
    }

    @Test
    void shouldRejectAHostWithSpaces() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withHost("local host"))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("BrokerSettings.host 'local host' is not a host name or address");
    }

    @Test
    void shouldRejectAnOverrideOfAManagedConfig() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withConfigOverride("listeners", "X://:1"))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("'listeners' is managed by BrokerSettings")
                .hasMessageContaining("set host, port, controllerPort");
    }

    @Test
    void shouldRejectAnOverrideKafkaDoesNotKnow() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withConfigOverride("num.partition", "6"))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("'num.partition' is not a Kafka broker config")
                .hasMessageContaining("check the spelling");
    }

    @Test
    void shouldRejectAnOverrideWithoutValue() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withConfigOverride("num.partitions", " "))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("'num.partitions' has no value");
    }

    @Test
    void shouldRejectANonPositiveStartupTimeout() {
        assertThatThrownBy(() -> BrokerSettings.defaults(DIRECTORY).withStartupTimeout(Duration.ZERO))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("startupTimeout must be positive, was PT0S");
    }

    @Test
    void shouldRejectAMissingDataDirectory() {
        assertThatThrownBy(() -> BrokerSettings.defaults(null))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("dataDirectory is missing");
    }

    @Test
    void shouldAcceptAKnownOverrideAndAValidClusterId() {
        // when
        BrokerSettings settings = BrokerSettings.defaults(DIRECTORY)
                .withConfigOverride("num.partitions", "6")
                .withClusterId("MkU3OEVBNTcwNTJENDM2Qg");

        // then
        assertThat(settings.configOverrides()).containsEntry("num.partitions", "6");
        assertThat(settings.clusterId()).isEqualTo(Optional.of("MkU3OEVBNTcwNTJENDM2Qg"));
    }
}
