package io.scenelog.renderer.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.streams.auth.TokenKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderNodeSettingsTest {

    private static RenderNodeSettings.Builder builder(String nodeId) {
        return RenderNodeSettings.builder(nodeId, "kafka:9092", "http://registry:8081", TokenKey.generate(),
                Path.of("/var/lib/scenelog/node"));
    }

    @Test
    void shouldDefaultToTheRealRendererAndACacheInTheWorkDirectory() {
        RenderNodeSettings settings = builder("node-1").build();

        assertThat(settings.rendererMainClass()).isEqualTo(RenderNodeSettings.DEFAULT_RENDERER_MAIN);
        assertThat(settings.cacheDirectory()).isEqualTo(Path.of("/var/lib/scenelog/node/asset-cache"));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRejectANodeIdThatCannotBeAKeyOrFileName() {
        assertThatThrownBy(() -> builder("node 1/..").build())
                .isInstanceOf(InvalidRenderNodeSettingsException.class).hasMessageContaining("nodeId");
    }

    @Test
    void shouldRejectAZeroCapacity() {
        assertThatThrownBy(() -> builder("n").capacity(0).build())
                .isInstanceOf(InvalidRenderNodeSettingsException.class).hasMessageContaining("capacity");
    }

    @Test
    void shouldRejectAJvmOptionThatIsNoOption() {
        assertThatThrownBy(() -> builder("n").renderer(RenderNodeSettings.DEFAULT_RENDERER_MAIN,
                List.of("-Xmx512m", "extra.jar")).build()).hasMessageContaining("rendererJvmOptions")
                .isInstanceOf(InvalidRenderNodeSettingsException.class);
    }

    @Test
    void shouldRejectARegistryThatIsNotHttp() {
        assertThatThrownBy(() -> RenderNodeSettings.builder("n", "kafka:9092", "mock://x", TokenKey.generate(),
                Path.of("/tmp/n")).build()).hasMessageContaining("schemaRegistryUrl");
    }

    @Test
    void shouldRejectQueryEndpointsWithoutPort() {
        assertThatThrownBy(() -> builder("n").streamsQueryEndpoints(List.of("streams")).build())
                .hasMessageContaining("streamsQueryEndpoints");
    }
}
