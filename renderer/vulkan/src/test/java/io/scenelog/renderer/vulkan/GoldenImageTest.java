package io.scenelog.renderer.vulkan;

import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.vulkan.internal.CheckScenes;
import io.scenelog.renderer.vulkan.internal.CheckScenes.CheckScene;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Renders the check scenes on the machine's Vulkan device (lavapipe in CI) and compares them with references. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenImageTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private VulkanFrameRenderer renderer;

    @BeforeAll
    void open() {
        renderer = VulkanFrameRenderer.open(VulkanOptions.defaults());
    }

    @AfterAll
    void close() {
        renderer.close();
    }

    @Test
    void shouldDrawALitColouredCubeOnTheGrid() throws IOException {
        assertGolden(CheckScenes.cube(WIDTH, HEIGHT));
    }

    @Test
    void shouldShadeSpheresByMetallicAndRoughnessUnderDirectionalAndPointLights() throws IOException {
        assertGolden(CheckScenes.lights(WIDTH, HEIGHT));
    }

    @Test
    void shouldDrawATextureUprightAndUnmirrored() throws IOException {
        assertGolden(CheckScenes.texturedQuad(WIDTH, HEIGHT));
    }

    @Test
    void shouldFilterADistantTextureThroughItsMipmaps() throws IOException {
        assertGolden(CheckScenes.texturedFloor(WIDTH, HEIGHT));
    }

    @Test
    void shouldDrawSkyAndGridForAnEmptyScene() throws IOException {
        assertGolden(CheckScenes.empty(WIDTH, HEIGHT));
    }

    @Test
    void shouldDrawEachViewportThroughItsOwnCamera() throws IOException {
        assertGolden(CheckScenes.twoViewports(WIDTH, HEIGHT));
    }

    private void assertGolden(CheckScene check) throws IOException {
        // given a scene, when it is rendered
        RenderedFrame frame = renderer.render(check.scene(), check.width(), check.height(), check.viewports());
        // then it looks like its reference
        GoldenImages.assertMatches(check.name(), frame);
    }
}
