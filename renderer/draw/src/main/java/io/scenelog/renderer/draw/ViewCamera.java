package io.scenelog.renderer.draw;

import org.joml.Matrix4f;
import org.joml.Quaternionf;
import org.joml.Quaternionfc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A perspective camera in world space, looking along its local -z with +y up (glTF's convention).
 *
 * @param position    where the camera is
 * @param rotation    its orientation (unit quaternion)
 * @param fovYDegrees the vertical field of view, between 1 and 179 degrees
 * @param near        the near plane, greater than 0
 * @param far         the far plane, beyond near
 */
public record ViewCamera(Vector3fc position, Quaternionfc rotation, float fovYDegrees, float near, float far) {

    /** @throws IllegalArgumentException when the frustum is degenerate */
    public ViewCamera {
        position = new Vector3f(position);
        rotation = new Quaternionf(rotation).normalize();
        if (!(fovYDegrees >= 1f && fovYDegrees <= 179f)) {
            throw new IllegalArgumentException("fovYDegrees must be between 1 and 179, got " + fovYDegrees);
        }
        if (!(near > 0f) || !(far > near)) {
            throw new IllegalArgumentException("need 0 < near < far, got near " + near + ", far " + far);
        }
    }

    /** A camera at {@code eye} looking at {@code target}, +y up. */
    public static ViewCamera lookingAt(Vector3fc eye, Vector3fc target, float fovYDegrees, float near, float far) {
        Vector3f forward = new Vector3f(target).sub(eye).normalize();
        Quaternionf rotation = new Quaternionf().lookAlong(forward, new Vector3f(0f, 1f, 0f)).conjugate();
        return new ViewCamera(eye, rotation, fovYDegrees, near, far);
    }

    /** World space to view space. */
    public Matrix4f view() {
        return new Matrix4f().rotation(new Quaternionf(rotation).conjugate())
                .translate(new Vector3f(position).negate());
    }

    /**
     * View space to Vulkan clip space for a viewport of this aspect ratio: depth 0 (near) to 1 (far), and y flipped
     * because Vulkan's clip-space y points down.
     */
    public Matrix4f projection(float aspect) {
        Matrix4f projection = new Matrix4f().perspective((float) Math.toRadians(fovYDegrees), aspect, near, far, true);
        return new Matrix4f().scaling(1f, -1f, 1f).mul(projection);
    }
}
