package io.scenelog.edge.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.edge.InvalidEdgeSettingsException;
import org.junit.jupiter.api.Test;

class AssetLimitsTest {

    @Test
    void shouldDefaultToTheDocumentedLimits() {
        AssetLimits limits = AssetLimits.defaults();

        assertThat(limits.maxUploadBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(limits.maxUnpackedBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(limits.maxEntries()).isEqualTo(1000);
    }

    @Test
    void shouldRejectAZeroUploadLimitNamingTheSetting() {
        assertThatThrownBy(() -> AssetLimits.defaults().withMaxUploadBytes(0))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("'maxUploadBytes'");
    }

    @Test
    void shouldRejectANegativeUnpackedLimit() {
        assertThatThrownBy(() -> AssetLimits.defaults().withMaxUnpackedBytes(-1))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("'maxUnpackedBytes'");
    }

    @Test
    void shouldRejectZeroEntries() {
        assertThatThrownBy(() -> AssetLimits.defaults().withMaxEntries(0))
                .isInstanceOf(InvalidEdgeSettingsException.class)
                .hasMessageContaining("'maxEntries'");
    }
}
