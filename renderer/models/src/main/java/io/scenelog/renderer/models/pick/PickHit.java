package io.scenelog.renderer.models.pick;

import java.util.Objects;
import java.util.UUID;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * What a pick found: the nearest surface under the point.
 *
 * @param entityId   the entity whose triangle was hit
 * @param worldPoint where the ray met it, in world space
 * @param distance   from the camera to that point, in world units
 */
public record PickHit(UUID entityId, Vector3fc worldPoint, float distance) {

    public PickHit {
        Objects.requireNonNull(entityId, "entityId");
        worldPoint = new Vector3f(worldPoint);
    }
}
