package io.scenelog.app.bench.frames;

import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.models.PrimitiveMeshes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;

/**
 * The benchmark's fixed scene: lit primitives of several shapes and colours on a square grid around the origin, a
 * sun and a point light, the ground grid; and a camera circling it, a little further each frame, so that every frame
 * differs from the last as a viewer's moving camera makes it (a still picture would make encoding nearly free).
 */
final class BenchScene {

    private static final PrimitiveShape[] SHAPES = {PrimitiveShape.CUBE, PrimitiveShape.SPHERE,
        PrimitiveShape.CYLINDER, PrimitiveShape.CONE};
    private static final float SPACING = 1.6f;
    /** Degrees the camera moves round the scene per frame: a slow orbit, as a viewer's drag. */
    private static final float DEGREES_PER_FRAME = 0.5f;

    private final DrawScene scene;
    private final float radius;

    private BenchScene(DrawScene scene, float radius) {
        this.scene = scene;
        this.radius = radius;
    }

    /** The scene with {@code entities} primitives. */
    static BenchScene of(int entities) {
        int side = (int) Math.ceil(Math.sqrt(entities));
        float half = (side - 1) * SPACING / 2f;
        List<DrawItem> items = new ArrayList<>(entities);
        for (int i = 0; i < entities; i++) {
            int row = i / side;
            int column = i % side;
            MeshData mesh = PrimitiveMeshes.of(SHAPES[i % SHAPES.length]);
            float hue = (i * 0.137f) % 1f;
            MaterialData material = new MaterialData(colour(hue), (i % 3) * 0.4f, 0.3f + (i % 5) * 0.15f,
                    Optional.empty());
            Matrix4f world = new Matrix4f().translate(column * SPACING - half, 0.5f + (i % 7) * 0.1f,
                    row * SPACING - half).rotateY(i * 0.3f).scale(0.6f + (i % 4) * 0.15f);
            items.add(new DrawItem(new UUID(0L, i), mesh, material, world));
        }
        List<LightData> lights = List.of(
                new LightData(LightData.Kind.DIRECTIONAL, new Vector3f(1f, 0.97f, 0.92f), 2.5f, new Vector3f(),
                        new Vector3f(-0.3f, -1f, -0.5f), 0f),
                new LightData(LightData.Kind.POINT, new Vector3f(1f, 0.6f, 0.3f), 40f, new Vector3f(0f, 4f, 0f),
                        new Vector3f(0f, -1f, 0f), 30f));
        return new BenchScene(new DrawScene(items, lights, DrawScene.DEFAULT_SKY, true, 1L), half * 1.6f + 4f);
    }

    DrawScene scene() {
        return scene;
    }

    /** Triangles drawn per frame. */
    long triangles() {
        return scene.items().stream().mapToLong(item -> item.mesh().triangleCount()).sum();
    }

    /** The camera of frame {@code n}: on a circle above the scene, looking at its centre. */
    ViewCamera camera(long frame) {
        double angle = Math.toRadians(frame * DEGREES_PER_FRAME);
        Vector3f eye = new Vector3f((float) (Math.sin(angle) * radius), radius * 0.55f,
                (float) (Math.cos(angle) * radius));
        return ViewCamera.lookingAt(eye, new Vector3f(0f, 0.5f, 0f), 55f, 0.1f, 500f);
    }

    private static Vector4f colour(float hue) {
        float r = Math.abs(hue * 6f - 3f) - 1f;
        float g = 2f - Math.abs(hue * 6f - 2f);
        float b = 2f - Math.abs(hue * 6f - 4f);
        return new Vector4f(clamp(r), clamp(g), clamp(b), 1f);
    }

    private static float clamp(float value) {
        return Math.max(0.05f, Math.min(1f, value));
    }
}
