package io.scenelog.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeSettingsTest {

    @Test
    void shouldDefaultToLoopbackAndTheRegistryPort() {
        // when
        EdgeSettings settings = EdgeSettings.defaults("localhost:9092");

        // then
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void shouldAcceptPortZeroForAFreePort() {
        assertThat(EdgeSettings.defaults("localhost:9092").withPort(0).port()).isZero();
    }

    @Test
    void shouldRejectAnOutOfRangePortNamingTheSetting() {
        assertThatThrownBy(() -> EdgeSettings.defaults("localhost:9092").withPort(70_000))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("70000");
    }

    @Test
    void shouldRejectMissingBootstrapServers() {
        assertThatThrownBy(() -> EdgeSettings.defaults(" "))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void shouldRejectAZeroReplicationFactor() {
        assertThatThrownBy(() -> EdgeSettings.defaults("k:9092").withReplicationFactor((short) 0))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("replicationFactor");
    }

    @Test
    void shouldRejectATinyRequestSizeLimit() {
        assertThatThrownBy(() -> EdgeSettings.defaults("k:9092").withMaxRequestBytes(10))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("maxRequestBytes");
    }

    @Test
    void shouldRejectNonPositiveTimeouts() {
        assertThatThrownBy(() -> EdgeSettings.defaults("k:9092").withOperationTimeout(Duration.ZERO))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("operationTimeout");
        assertThatThrownBy(() -> EdgeSettings.defaults("k:9092").withBootTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("bootTimeout");
    }

    @Test
    void shouldRejectABlankHost() {
        assertThatThrownBy(() -> EdgeSettings.defaults("k:9092").withHost(""))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("host");
    }
}
