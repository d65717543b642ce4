package io.scenelog.renderer.models.pick;

import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.models.pick.internal.BoundingSphere;
import io.scenelog.renderer.models.pick.internal.Ray;
import io.scenelog.renderer.models.pick.internal.Triangles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Finds the entity under a point of a viewport: casts the camera's ray through the point, from the near plane to the
 * far plane (what the camera can see), and returns the nearest triangle it meets, either face. Each item's ray is
 * carried into the mesh's own space and tested against the mesh's bounding sphere first, so only meshes near the ray
 * have their triangles tested. Used by one thread (it caches bounding spheres by mesh key).
 */
public final class Picker {

    private static final int MAX_CACHED_SPHERES = 4096;

    private final Map<String, BoundingSphere> spheres = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BoundingSphere> eldest) {
            return size() > MAX_CACHED_SPHERES;
        }
    };

    /**
     * The viewport a frame point falls in: the last one listed wins where viewports overlap, as it is drawn last.
     *
     * @param x across the frame, 0 (left) to 1 (right)
     * @param y down the frame, 0 (top) to 1 (bottom)
     */
    public static Optional<ViewportPoint> viewportAt(List<Viewport> viewports, float x, float y) {
        for (int i = viewports.size() - 1; i >= 0; i--) {
            Viewport viewport = viewports.get(i);
            float localX = (x - viewport.x()) / viewport.width();
            float localY = (y - viewport.y()) / viewport.height();
            if (localX >= 0f && localX <= 1f && localY >= 0f && localY <= 1f) {
                return Optional.of(new ViewportPoint(i, viewport, localX, localY));
            }
        }
        return Optional.empty();
    }

    /**
     * Picks at a point of a frame drawn through several viewports.
     *
     * @param frameWidth  the frame's width in pixels (for the viewport's aspect ratio)
     * @param frameHeight the frame's height in pixels
     * @param x           across the frame, 0 (left) to 1 (right)
     * @param y           down the frame, 0 (top) to 1 (bottom)
     */
    public Optional<PickHit> pickInFrame(DrawScene scene, List<Viewport> viewports, int frameWidth, int frameHeight,
            float x, float y) {
        if (frameWidth < 1 || frameHeight < 1) {
            throw new IllegalArgumentException("the frame must have a positive size, got " + frameWidth + "x"
                    + frameHeight);
        }
        return viewportAt(viewports, x, y).flatMap(point -> pick(scene, point.viewport().camera(),
                point.viewport().width() * frameWidth / (point.viewport().height() * frameHeight), point.x(),
                point.y()));
    }

    /**
     * Picks at a point of one viewport.
     *
     * @param camera the viewport's camera
     * @param aspect the viewport's width / height in pixels
     * @param x      across the viewport, 0 (left) to 1 (right)
     * @param y      down the viewport, 0 (top) to 1 (bottom)
     * @throws IllegalArgumentException when the point lies outside the viewport or the aspect is not positive
     */
    public Optional<PickHit> pick(DrawScene scene, ViewCamera camera, float aspect, float x, float y) {
        if (!(x >= 0f && x <= 1f && y >= 0f && y <= 1f)) {
            throw new IllegalArgumentException("the point must lie in the viewport (0..1), got " + x + ", " + y);
        }
        if (!(aspect > 0f) || Float.isInfinite(aspect)) {
            throw new IllegalArgumentException("aspect must be positive, got " + aspect);
        }
        Ray ray = cameraRay(camera, aspect, x, y);
        float bestT = 1f;
        UUID bestEntity = null;
        Matrix4f toModel = new Matrix4f();
        for (DrawItem item : scene.items()) {
            if (Math.abs(item.world().determinant()) < 1e-12f) {
                // A zero scale squashes the mesh flat: nothing to see, nothing to pick.
                continue;
            }
            Ray local = ray.transformed(item.world().invert(toModel));
            BoundingSphere sphere = spheres.computeIfAbsent(item.mesh().key(), key -> BoundingSphere.of(item.mesh()));
            if (!sphere.hitBefore(local, bestT)) {
                continue;
            }
            float t = Triangles.nearestHit(item.mesh(), local, bestT);
            if (!Float.isNaN(t)) {
                bestT = t;
                bestEntity = item.entityId();
            }
        }
        if (bestEntity == null) {
            return Optional.empty();
        }
        Vector3f point = ray.at(bestT);
        return Optional.of(new PickHit(bestEntity, point, point.distance(camera.position())));
    }

    /** The segment of the camera's ray through the point from the near plane (t = 0) to the far plane (t = 1). */
    private static Ray cameraRay(ViewCamera camera, float aspect, float x, float y) {
        Matrix4f clipToWorld = camera.projection(aspect).mul(camera.view()).invert();
        // The projection already flips y for Vulkan, so the viewport's top (y = 0) is clip y = -1.
        float clipX = 2f * x - 1f;
        float clipY = 2f * y - 1f;
        Vector3f near = clipToWorld.transformProject(new Vector3f(clipX, clipY, 0f));
        Vector3f far = clipToWorld.transformProject(new Vector3f(clipX, clipY, 1f));
        return new Ray(near.x, near.y, near.z, far.x - near.x, far.y - near.y, far.z - near.z);
    }
}
