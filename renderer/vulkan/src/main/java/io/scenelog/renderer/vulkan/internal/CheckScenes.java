package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.draw.Viewport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;

/**
 * The scenes of the golden-image tests and of {@link io.scenelog.renderer.vulkan.VulkanCheck}: each shows one
 * feature so that a wrong picture points at its cause.
 */
public final class CheckScenes {

    /** A scene with its frame size and viewports. */
    public record CheckScene(String name, DrawScene scene, int width, int height, List<Viewport> viewports) {
    }

    private static final MeshData CUBE = CheckShapes.cube();
    private static final MeshData SPHERE = CheckShapes.sphere(48, 24);
    private static final MeshData QUAD = CheckShapes.quad();

    private CheckScenes() {
    }

    /** All check scenes, at the given frame size. */
    public static List<CheckScene> all(int width, int height) {
        return List.of(cube(width, height), lights(width, height), texturedQuad(width, height),
                texturedFloor(width, height), empty(width, height), twoViewports(width, height));
    }

    /** A red cube resting on the grid, lit by the default sun, seen from above and to the side. */
    public static CheckScene cube(int width, int height) {
        DrawScene scene = new DrawScene(List.of(redCube()), List.of(), DrawScene.DEFAULT_SKY, true, 1L);
        return new CheckScene("cube", scene, width, height, List.of(Viewport.full(
                ViewCamera.lookingAt(new Vector3f(2.6f, 2f, 2.4f), new Vector3f(0f, 0.4f, 0f), 50f, 0.1f, 100f))));
    }

    /**
     * Three spheres (matte white dielectric, glossy blue dielectric, polished gold metal) under a dim blue-white
     * directional light and a warm point light in front and to the left.
     */
    public static CheckScene lights(int width, int height) {
        List<DrawItem> spheres = List.of(
                sphere(-1.2f, new Vector4f(0.9f, 0.9f, 0.9f, 1f), 0f, 0.9f),
                sphere(0f, new Vector4f(0.1f, 0.25f, 0.8f, 1f), 0f, 0.3f),
                sphere(1.2f, new Vector4f(1f, 0.76f, 0.33f, 1f), 1f, 0.25f));
        List<LightData> lights = List.of(
                new LightData(LightData.Kind.DIRECTIONAL, new Vector3f(0.8f, 0.85f, 1f), 1.5f, new Vector3f(),
                        new Vector3f(0.3f, -1f, -0.4f), 0f),
                new LightData(LightData.Kind.POINT, new Vector3f(1f, 0.6f, 0.3f), 12f, new Vector3f(-1.5f, 1.2f, 1.5f),
                        new Vector3f(0f, -1f, 0f), 0f));
        DrawScene scene = new DrawScene(spheres, lights, new Vector3f(0.08f, 0.09f, 0.12f), true, 2L);
        return new CheckScene("lights", scene, width, height, List.of(Viewport.full(
                ViewCamera.lookingAt(new Vector3f(0f, 1.2f, 3.2f), new Vector3f(0f, 0.5f, 0f), 50f, 0.1f, 100f))));
    }

    /** A checkerboard quad facing the camera, its red marker cell at the top left, no grid. */
    public static CheckScene texturedQuad(int width, int height) {
        MaterialData material = new MaterialData(new Vector4f(1f), 0f, 1f,
                Optional.of(CheckShapes.checkerboard(64, 8)));
        DrawItem quad = new DrawItem(UUID.nameUUIDFromBytes("quad".getBytes(StandardCharsets.UTF_8)), QUAD, material,
                new Matrix4f().translation(0f, 1f, 0f));
        LightData front = new LightData(LightData.Kind.DIRECTIONAL, new Vector3f(1f), 3f, new Vector3f(),
                new Vector3f(0f, 0f, -1f), 0f);
        DrawScene scene = new DrawScene(List.of(quad), List.of(front), DrawScene.DEFAULT_SKY, false, 3L);
        return new CheckScene("textured-quad", scene, width, height, List.of(Viewport.full(
                ViewCamera.lookingAt(new Vector3f(0f, 1f, 2.6f), new Vector3f(0f, 1f, 0f), 60f, 0.1f, 100f))));
    }

    /**
     * A large checkerboard floor seen at a grazing angle: with mipmaps the distant cells blend to grey instead of
     * shimmering into moire patterns.
     */
    public static CheckScene texturedFloor(int width, int height) {
        MaterialData material = new MaterialData(new Vector4f(1f), 0f, 1f,
                Optional.of(CheckShapes.checkerboard(256, 32)));
        DrawItem floor = new DrawItem(UUID.nameUUIDFromBytes("floor".getBytes(StandardCharsets.UTF_8)), QUAD,
                material, new Matrix4f().rotationX((float) Math.toRadians(-90)).scale(8f));
        DrawScene scene = new DrawScene(List.of(floor), List.of(), DrawScene.DEFAULT_SKY, false, 4L);
        return new CheckScene("textured-floor", scene, width, height, List.of(Viewport.full(
                ViewCamera.lookingAt(new Vector3f(0f, 0.6f, 7.5f), new Vector3f(0f, 0f, -4f), 60f, 0.1f, 100f))));
    }

    /** Nothing but sky and grid (the default sun and ambient light nothing, but must not fail). */
    public static CheckScene empty(int width, int height) {
        return new CheckScene("empty", DrawScene.empty(), width, height, List.of(Viewport.full(
                ViewCamera.lookingAt(new Vector3f(0f, 2f, 6f), new Vector3f(0f, 0f, 0f), 60f, 0.1f, 1000f))));
    }

    /** The red cube and a sphere, from the front on the left and from high above on the right. */
    public static CheckScene twoViewports(int width, int height) {
        DrawItem sphere = sphere(1.3f, new Vector4f(0.2f, 0.7f, 0.3f, 1f), 0f, 0.5f);
        DrawScene scene = new DrawScene(List.of(redCube(), sphere), List.of(), DrawScene.DEFAULT_SKY, true, 5L);
        ViewCamera front = ViewCamera.lookingAt(new Vector3f(0.6f, 0.8f, 4f), new Vector3f(0.6f, 0.4f, 0f), 50f,
                0.1f, 100f);
        ViewCamera above = ViewCamera.lookingAt(new Vector3f(0.6f, 5f, 0.01f), new Vector3f(0.6f, 0f, 0f), 50f,
                0.1f, 100f);
        return new CheckScene("two-viewports", scene, width, height,
                List.of(new Viewport(0f, 0f, 0.5f, 1f, front), new Viewport(0.5f, 0f, 0.5f, 1f, above)));
    }

    private static DrawItem redCube() {
        Matrix4f world = new Matrix4f().translation(0f, 0.5f, 0f).rotateY((float) Math.toRadians(20));
        return new DrawItem(UUID.nameUUIDFromBytes("cube".getBytes(StandardCharsets.UTF_8)), CUBE,
                new MaterialData(new Vector4f(0.8f, 0.12f, 0.1f, 1f), 0f, 0.6f, Optional.empty()), world);
    }

    private static DrawItem sphere(float x, Vector4f color, float metallic, float roughness) {
        return new DrawItem(UUID.nameUUIDFromBytes(("sphere" + x).getBytes(StandardCharsets.UTF_8)), SPHERE,
                new MaterialData(color, metallic, roughness, Optional.empty()),
                new Matrix4f().translation(x, 0.5f, 0f));
    }
}
