package io.scenelog.renderer.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VulkanOptionsTest {

    @Test
    void shouldLeaveValidationOffByDefault() {
        assertThat(VulkanOptions.fromEnvironment(Map.of()).validation()).isFalse();
        assertThat(VulkanOptions.fromEnvironment(Map.of(VulkanOptions.VALIDATION_ENV, "0")).validation()).isFalse();
    }

    @Test
    void shouldSwitchValidationOnFromTheEnvironment() {
        assertThat(VulkanOptions.fromEnvironment(Map.of(VulkanOptions.VALIDATION_ENV, "1")).validation()).isTrue();
        assertThat(VulkanOptions.fromEnvironment(Map.of(VulkanOptions.VALIDATION_ENV, "true")).validation())
                .isTrue();
    }

    @Test
    void shouldRejectNonPositiveBoundsAndNegativeDeviceIndexes() {
        VulkanOptions defaults = VulkanOptions.fromEnvironment(Map.of());

        assertThatThrownBy(() -> defaults.withMaxFrameSize(0, 720)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrameWidth");
        assertThatThrownBy(() -> defaults.withCacheBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cacheBytes");
        assertThatThrownBy(() -> defaults.withDeviceIndex(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deviceIndex");
    }
}
