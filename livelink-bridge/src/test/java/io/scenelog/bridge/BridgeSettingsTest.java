package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.streams.auth.TokenKey;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    private static final TokenKey KEY = TokenKey.generate();

    @Test
    void shouldHaveUsableDefaults() {
        // when
        BridgeSettings settings = builder().build();

        // then
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8082);
        assertThat(settings.heartbeatTimeout()).isGreaterThanOrEqualTo(settings.heartbeatInterval().multipliedBy(2));
        assertThat(settings.limits()).isEqualTo(BridgeLimits.defaults());
        assertThat(settings.viewerRestBaseUrl()).isEmpty();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void shouldRefuseAHeartbeatTimeoutShorterThanTwoIntervals() {
        assertThatThrownBy(() -> builder().heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(15)).build())
                .isInstanceOf(InvalidBridgeSettingsException.class)
                .hasMessageContaining("heartbeatTimeout");
    }

    @Test
    void shouldRefuseAnOriginWithAPath() {
        assertThatThrownBy(() -> builder().allowedOrigins(Set.of("https://viewer.example.com/app")).build())
                .isInstanceOf(InvalidBridgeSettingsException.class)
                .extracting(e -> ((InvalidBridgeSettingsException) e).setting()).isEqualTo("allowedOrigins");
    }

    @Test
    void shouldRefuseARegistryThatIsNoHttpUrl() {
        assertThatThrownBy(() -> BridgeSettings.builder("localhost:9092", "localhost:8081", KEY).build())
                .isInstanceOf(InvalidBridgeSettingsException.class)
                .hasMessageContaining("schemaRegistryUrl");
    }

    @Test
    void shouldRefuseAFrameLimitTooSmallForAHello() {
        assertThatThrownBy(() -> BridgeLimits.defaults().withMaxFrameBytes(1024))
                .isInstanceOf(InvalidBridgeSettingsException.class)
                .hasMessageContaining("limits.maxFrameBytes");
    }

    @Test
    void shouldRefuseAFrameRateBelowTheActionRate() {
        assertThatThrownBy(() -> BridgeLimits.defaults().withFramesPerSecond(10))
                .isInstanceOf(InvalidBridgeSettingsException.class)
                .hasMessageContaining("limits.framesPerSecond");
    }

    private static BridgeSettings.Builder builder() {
        return BridgeSettings.builder("localhost:9092", "http://localhost:8081", KEY);
    }
}
