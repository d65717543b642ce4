package io.scenelog.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.InvalidBrokerSettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerArgumentsTest {

    @Test
    void shouldTurnSettingsIntoArgumentsAndBack() {
        // given
        BrokerSettings settings = BrokerSettings.defaults(Path.of("data", "kafka"))
                .withHost("localhost")
                .withPort(19092)
                .withControllerPort(19093)
                .withNodeId(3)
                .withClusterId("MkU3OEVBNTcwNTJENDM2Qg")
                .withConfigOverride("num.partitions", "6")
                .withConfigOverride("log.retention.hours", "1")
                .withStartupTimeout(Duration.ofSeconds(90));

        // when
        BrokerSettings parsed = BrokerArguments.parse(BrokerArguments.toArguments(settings));

        // then
        assertThat(parsed).isEqualTo(settings);
    }

    @Test
    void shouldRequireADataDirectory() {
        assertThatThrownBy(() -> BrokerArguments.parse(List.of("--port", "9092")))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("--data-dir is required");
    }

    @Test
    void shouldNameAnUnknownOption() {
        assertThatThrownBy(() -> BrokerArguments.parse(List.of("--data-dir", "d", "--prot", "9092")))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageStartingWith("Unknown option --prot");
    }

    @Test
    void shouldNameAnOptionWithoutValue() {
        assertThatThrownBy(() -> BrokerArguments.parse(List.of("--data-dir", "d", "--port")))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessage("Option --port needs a value");
    }

    @Test
    void shouldNameANonNumericPort() {
        assertThatThrownBy(() -> BrokerArguments.parse(List.of("--data-dir", "d", "--port", "ninety")))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessage("Option --port 'ninety' is not a whole number");
    }

    @Test
    void shouldNameAConfigWithoutEquals() {
        assertThatThrownBy(() -> BrokerArguments.parse(List.of("--data-dir", "d", "--config", "num.partitions")))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("--config 'num.partitions' is not key=value");
    }
}
