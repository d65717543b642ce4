package io.scenelog.renderer.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.TextureData;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.vulkan.internal.CheckScenes;
import io.scenelog.renderer.vulkan.internal.CheckShapes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VulkanFrameRendererTest {

    private static final List<Viewport> FRONT = List.of(Viewport.full(
            ViewCamera.lookingAt(new Vector3f(0f, 1f, 8f), new Vector3f(0f, 0.5f, 0f), 50f, 0.1f, 100f)));
    private static final DrawScene SKY_ONLY = new DrawScene(List.of(), List.of(), DrawScene.DEFAULT_SKY, false, 7L);

    private VulkanFrameRenderer renderer;

    @BeforeAll
    void open() {
        renderer = VulkanFrameRenderer.open(VulkanOptions.defaults().withMaxFrameSize(512, 256));
    }

    @AfterAll
    void close() {
        renderer.close();
    }

    @Test
    void shouldClearToTheSkyEncodedAsSrgb() {
        RenderedFrame frame = renderer.render(SKY_ONLY, 16, 8, FRONT);

        int expected = srgb(0.55f) << 24 | srgb(0.68f) << 16 | srgb(0.82f) << 8 | 0xff;
        assertThat(Integer.toHexString(frame.pixel(3, 5))).isEqualTo(Integer.toHexString(expected));
        assertThat(frame.sceneVersion()).isEqualTo(7L);
    }

    @Test
    void shouldRecreateTheTargetWhenTheSizeChanges() {
        for (int[] size : new int[][] {{64, 32}, {100, 50}, {64, 32}, {3, 1}}) {
            // when
            RenderedFrame frame = renderer.render(SKY_ONLY, size[0], size[1], FRONT);
            // then the frame has the size asked for, tightly packed, sky everywhere
            assertThat(frame.width()).isEqualTo(size[0]);
            assertThat(frame.height()).isEqualTo(size[1]);
            assertThat(frame.rgba().position()).isZero();
            assertThat(frame.rgba().limit()).isEqualTo(size[0] * size[1] * 4);
            assertThat(frame.pixel(size[0] - 1, size[1] - 1)).isEqualTo(frame.pixel(0, 0));
        }
    }

    @Test
    void shouldRejectSizesOutsideTheBoundsAndKeepWorking() {
        for (int[] size : new int[][] {{0, 10}, {10, 0}, {-4, 4}, {513, 10}, {10, 257}}) {
            assertThatThrownBy(() -> renderer.render(SKY_ONLY, size[0], size[1], FRONT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(size[0] + "x" + size[1]).hasMessageContaining("512x256");
        }
        assertThat(renderer.render(SKY_ONLY, 512, 256, FRONT).width()).isEqualTo(512);
    }

    @Test
    void shouldRejectAFrameWithoutViewports() {
        assertThatThrownBy(() -> renderer.render(SKY_ONLY, 16, 16, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("viewport");
    }

    @Test
    void shouldDrawTheSameFrameWhenTheUploadCacheMustEvictWithinAFrame() {
        // given eight meshes and four textures with different keys, and a second renderer whose cache holds about
        // a third of them
        MeshData cube = CheckShapes.cube();
        List<DrawItem> items = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> items.add(new DrawItem(UUID.randomUUID(),
                new MeshData("cube-" + i, cube.positions(), cube.normals(), cube.uvs(), cube.indices()),
                i % 2 == 0 ? MaterialData.DEFAULT : texturedMaterial(i),
                new Matrix4f().translation(i - 3.5f, 0.5f, 0f).scale(0.8f))));
        DrawScene scene = new DrawScene(items, List.of(), DrawScene.DEFAULT_SKY, true, 1L);
        long cubeBytes = 24L * 32 + 36L * 4;
        long textureBytes = 32 * 32 * 4 * 4 / 3;
        long bound = 2 * textureBytes + 2 * cubeBytes;
        ByteBuffer expected = copy(renderer.render(scene, 200, 100, FRONT));
        try (VulkanFrameRenderer small = VulkanFrameRenderer.open(VulkanOptions.defaults().withCacheBytes(bound))) {
            for (int frame = 0; frame < 3; frame++) {
                // when it draws the scene, evicting meshes and textures it has already recorded for the frame
                RenderedFrame actual = small.render(scene, 200, 100, FRONT);
                // then the picture is the same, and the cache stays within its bound
                assertThat(copy(actual)).isEqualTo(expected);
                assertThat(small.cachedBytes()).isLessThanOrEqualTo(bound).isGreaterThanOrEqualTo(cubeBytes);
            }
        }
    }

    @Test
    void shouldDrawTheSameFrameAfterTheSizeChangedAndChangedBack() {
        CheckScenes.CheckScene cube = CheckScenes.cube(320, 180);
        ByteBuffer first = copy(renderer.render(cube.scene(), 320, 180, cube.viewports()));
        renderer.render(cube.scene(), 160, 90, cube.viewports());

        RenderedFrame again = renderer.render(cube.scene(), 320, 180, cube.viewports());

        assertThat(copy(again)).isEqualTo(first);
    }

    @Test
    void shouldDrawAnItemUntexturedWhenItsTextureIsBeyondTheDevicesLimit() {
        // given a texture wider than any device's images (32768 is the largest limit in use)
        TextureData tooWide = new TextureData("too-wide", 32769, 1, new byte[32769 * 4]);
        DrawItem untextured = new DrawItem(UUID.randomUUID(), CheckShapes.cube(), MaterialData.DEFAULT,
                new Matrix4f().translation(0f, 0.5f, 0f));
        DrawItem textured = new DrawItem(untextured.entityId(), untextured.mesh(),
                new MaterialData(MaterialData.DEFAULT.baseColor(), 0f, 0.8f, Optional.of(tooWide)),
                untextured.world());
        ByteBuffer expected = copy(renderer.render(
                new DrawScene(List.of(untextured), List.of(), DrawScene.DEFAULT_SKY, true, 1L), 64, 64, FRONT));
        // when
        RenderedFrame frame = renderer.render(
                new DrawScene(List.of(textured), List.of(), DrawScene.DEFAULT_SKY, true, 1L), 64, 64, FRONT);
        // then the frame is drawn, the item without its image
        assertThat(copy(frame)).isEqualTo(expected);
    }

    private static MaterialData texturedMaterial(int i) {
        TextureData checkerboard = CheckShapes.checkerboard(32, 4);
        TextureData texture = new TextureData("checkerboard-" + i, 32, 32, checkerboard.rgba());
        return new MaterialData(new Vector4f(1f), 0f, 0.7f, Optional.of(texture));
    }

    @Test
    void shouldDescribeItsDeviceByNameAndType() {
        assertThat(renderer.deviceDescription()).isEqualTo(renderer.device().name() + " ("
                + renderer.device().type() + ")");
    }

    @Test
    void shouldListTheMachinesDevicesWithTheirVersions() {
        List<VulkanDeviceInfo> devices = VulkanDevices.list();

        assertThat(devices).isNotEmpty();
        assertThat(devices).allSatisfy(device -> assertThat(device.apiVersion()).matches("\\d+\\.\\d+\\.\\d+"));
        assertThat(devices).contains(renderer.device());
    }

    private static ByteBuffer copy(RenderedFrame frame) {
        ByteBuffer copy = ByteBuffer.allocate(frame.rgba().remaining());
        copy.put(frame.rgba().duplicate()).flip();
        return copy;
    }

    private static int srgb(float linear) {
        double encoded = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }
}
