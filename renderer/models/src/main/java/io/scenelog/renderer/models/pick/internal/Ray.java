package io.scenelog.renderer.models.pick.internal;

import org.joml.Matrix4fc;
import org.joml.Vector3f;

/** A ray origin + t × direction; the direction is not necessarily unit length. */
public record Ray(float ox, float oy, float oz, float dx, float dy, float dz) {

    /**
     * This ray carried into another space by an affine matrix. Because the direction is carried along unnormalised,
     * a hit's t is the same in both spaces.
     */
    public Ray transformed(Matrix4fc matrix) {
        Vector3f origin = matrix.transformPosition(new Vector3f(ox, oy, oz));
        Vector3f direction = matrix.transformDirection(new Vector3f(dx, dy, dz));
        return new Ray(origin.x, origin.y, origin.z, direction.x, direction.y, direction.z);
    }

    /** The point at t. */
    public Vector3f at(float t) {
        return new Vector3f(ox + t * dx, oy + t * dy, oz + t * dz);
    }
}
