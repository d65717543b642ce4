package io.scenelog.renderer.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RendererProcessTest {

    @Test
    void shouldReadTheEndpointOfTheReadyLine() {
        assertThat(RendererProcess.readyEndpoint("SCENELOG-RENDERER-READY tcp://10.0.0.7:41234"))
                .contains("tcp://10.0.0.7:41234");
    }

    @Test
    void shouldIgnoreOtherLinesAndMalformedReadyLines() {
        assertThat(RendererProcess.readyEndpoint("INFO rendering session")).isEmpty();
        assertThat(RendererProcess.readyEndpoint("SCENELOG-RENDERER-READY ")).isEmpty();
        assertThat(RendererProcess.readyEndpoint("SCENELOG-RENDERER-READY tcp://a:1 extra")).isEmpty();
        assertThat(RendererProcess.readyEndpoint("  SCENELOG-RENDERER-READY tcp://a:1")).isEmpty();
    }
}
