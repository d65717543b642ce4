package io.scenelog.nodecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeCacheSettingsTest {

    private static final NodeCacheSettings VALID = NodeCacheSettings.defaults(Path.of("cache"),
            URI.create("http://edge:8080"), () -> "token");

    @Test
    void shouldAcceptTheDefaults() {
        assertThat(VALID.maxBytes()).isEqualTo(NodeCacheSettings.DEFAULT_MAX_BYTES);
        assertThat(VALID.maxAttempts()).isEqualTo(4);
    }

    @Test
    void shouldNameTheSettingAndTheFixForAZeroBound() {
        assertThatThrownBy(() -> VALID.withMaxBytes(0)).isInstanceOf(InvalidNodeCacheSettingsException.class)
                .hasMessage("Node-cache setting 'maxBytes' is '0': allow at least 1 byte; the default is 10 GiB.");
    }

    @Test
    void shouldRejectAnUpstreamThatIsNoHttpAddress() {
        assertThatThrownBy(() -> NodeCacheSettings.defaults(Path.of("c"), URI.create("edge:8080"), () -> "t"))
                .isInstanceOf(InvalidNodeCacheSettingsException.class).hasMessageContaining("'upstream'")
                .hasMessageContaining("http://");
    }

    @Test
    void shouldRejectABlobCapAboveTheBound() {
        assertThatThrownBy(() -> VALID.withMaxBytes(1000).withMaxBlobBytes(2000))
                .isInstanceOf(InvalidNodeCacheSettingsException.class).hasMessageContaining("'maxBlobBytes'");
    }

    @Test
    void shouldRejectABackoffCeilingBelowItsStart() {
        assertThatThrownBy(() -> VALID.withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidNodeCacheSettingsException.class).hasMessageContaining("'maxBackoff'");
    }

    @Test
    void shouldRejectZeroAttempts() {
        assertThatThrownBy(() -> VALID.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(InvalidNodeCacheSettingsException.class).hasMessageContaining("'maxAttempts'");
    }

    @Test
    void shouldNeverPrintHowTokensAreMade() {
        assertThat(VALID.toString()).doesNotContain("credentials").contains("edge:8080");
    }
}
