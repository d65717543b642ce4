package io.scenelog.renderer.vulkan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.draw.Viewport;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class ViewportRectTest {

    private static final ViewCamera CAMERA = ViewCamera.lookingAt(new Vector3f(0, 0, 5), new Vector3f(), 60f, 0.1f,
            100f);

    @Test
    void shouldShareTheEdgeOfSideBySideViewportsWithoutGapOrOverlap() {
        ViewportRect left = ViewportRect.of(new Viewport(0f, 0f, 0.5f, 1f, CAMERA), 321, 180);
        ViewportRect right = ViewportRect.of(new Viewport(0.5f, 0f, 0.5f, 1f, CAMERA), 321, 180);

        assertThat(left.x() + left.width()).isEqualTo(right.x());
        assertThat(right.x() + right.width()).isEqualTo(321);
        assertThat(left.aspect()).isCloseTo(161f / 180f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void shouldKeepATinyViewportAtLeastOnePixel() {
        ViewportRect rect = ViewportRect.of(new Viewport(0.999f, 0.999f, 0.001f, 0.001f, CAMERA), 64, 64);

        assertThat(rect.width()).isEqualTo(1);
        assertThat(rect.height()).isEqualTo(1);
        assertThat(rect.x()).isLessThan(64);
    }
}
