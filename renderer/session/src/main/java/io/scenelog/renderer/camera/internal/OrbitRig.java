package io.scenelog.renderer.camera.internal;

import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * A camera orbiting a target point: yaw about the world's +y, pitch above the horizon, distance from the target.
 * Looks along its local -z with +y up (glTF). Pitch stops {@value #MAX_PITCH_DEGREES} degrees from the horizon, short
 * of straight up and down, where yaw would be undefined and the view would flip.
 */
public final class OrbitRig {

    /** The steepest pitch, up or down, in degrees. */
    public static final float MAX_PITCH_DEGREES = 89f;
    /** The closest the camera gets to its target, in metres. */
    public static final float MIN_DISTANCE = 0.05f;
    /** The farthest the camera gets from its target, in metres. */
    public static final float MAX_DISTANCE = 100_000f;
    /** The distance to an assumed target when the camera does not look down at the ground. */
    public static final float DEFAULT_DISTANCE = 5f;

    private final Vector3f target;
    private float yawDegrees;
    private float pitchDegrees;
    private float distance;

    public OrbitRig(Vector3f target, float yawDegrees, float pitchDegrees, float distance) {
        this.target = new Vector3f(target);
        this.yawDegrees = yawDegrees;
        this.pitchDegrees = clampPitch(pitchDegrees);
        this.distance = clampDistance(distance);
    }

    /**
     * The rig of a camera at a pose: its target lies ahead, where the view meets the ground (y = 0) when it looks
     * down at it from above, else {@value #DEFAULT_DISTANCE} m ahead.
     */
    public static OrbitRig at(Vector3f position, Quaternionf rotation) {
        Vector3f forward = rotation.transform(new Vector3f(0f, 0f, -1f)).normalize();
        float distance = DEFAULT_DISTANCE;
        if (forward.y < -0.05f && position.y > 0f) {
            distance = Math.min(100f, Math.max(0.5f, position.y / -forward.y));
        }
        Vector3f target = new Vector3f(forward).mul(distance).add(position);
        float pitch = (float) Math.toDegrees(Math.asin(Math.max(-1f, Math.min(1f, -forward.y))));
        float yaw = (float) Math.toDegrees(Math.atan2(-forward.x, -forward.z));
        return new OrbitRig(target, yaw, pitch, distance);
    }

    /** Turns around the target: yaw counter-clockwise seen from above, pitch positive raising the camera. */
    public void orbit(float yawDelta, float pitchDelta) {
        yawDegrees = (yawDegrees + yawDelta) % 360f;
        pitchDegrees = clampPitch(pitchDegrees + pitchDelta);
    }

    /**
     * Moves camera and target together in the view plane as if dragging the scene: {@code dx} of the view's width
     * to the right and {@code dy} of its height down, measured at the target's distance.
     */
    public void pan(float dx, float dy, float fovYDegrees, float aspect) {
        float height = 2f * distance * (float) Math.tan(Math.toRadians(fovYDegrees) / 2);
        float width = height * aspect;
        Quaternionf rotation = rotation();
        Vector3f right = rotation.transform(new Vector3f(1f, 0f, 0f));
        Vector3f up = rotation.transform(new Vector3f(0f, 1f, 0f));
        // The scene moving right means the camera moving left, and down means up.
        target.sub(right.mul(dx * width)).add(up.mul(dy * height));
    }

    /** Multiplies the distance to the target (below 1 closer); factors that are not finite and positive are refused. */
    public void zoom(float factor) {
        if (!(factor > 0f) || !Float.isFinite(factor)) {
            throw new IllegalArgumentException("A zoom factor must be a finite number greater than 0, got " + factor);
        }
        distance = clampDistance(distance * factor);
    }

    /** Moves camera and target along the ground: {@code forward} metres the way the camera faces, {@code right}. */
    public void walk(float forward, float right) {
        double yaw = Math.toRadians(yawDegrees);
        Vector3f ahead = new Vector3f((float) -Math.sin(yaw), 0f, (float) -Math.cos(yaw));
        Vector3f side = new Vector3f((float) Math.cos(yaw), 0f, (float) -Math.sin(yaw));
        target.add(ahead.mul(forward)).add(side.mul(right));
    }

    /** Where the camera is. */
    public Vector3f position() {
        double yaw = Math.toRadians(yawDegrees);
        double pitch = Math.toRadians(pitchDegrees);
        Vector3f offset = new Vector3f((float) (Math.cos(pitch) * Math.sin(yaw)), (float) Math.sin(pitch),
                (float) (Math.cos(pitch) * Math.cos(yaw)));
        return offset.mul(distance).add(target);
    }

    /** Which way it looks: yaw about +y, then pitched down towards the target. */
    public Quaternionf rotation() {
        return new Quaternionf().rotateY((float) Math.toRadians(yawDegrees))
                .rotateX((float) Math.toRadians(-pitchDegrees));
    }

    /** The pose as a Transform component (unit scale). */
    public Transform transform() {
        Vector3f position = position();
        Quaternionf rotation = rotation().normalize();
        return new Transform(new Vec3((double) position.x, (double) position.y, (double) position.z),
                new Quat((double) rotation.x, (double) rotation.y, (double) rotation.z, (double) rotation.w),
                new Vec3(1.0, 1.0, 1.0));
    }

    public Vector3f target() {
        return new Vector3f(target);
    }

    public float yawDegrees() {
        return yawDegrees;
    }

    public float pitchDegrees() {
        return pitchDegrees;
    }

    public float distance() {
        return distance;
    }

    private static float clampPitch(float pitch) {
        return Math.max(-MAX_PITCH_DEGREES, Math.min(MAX_PITCH_DEGREES, pitch));
    }

    private static float clampDistance(float value) {
        return Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, value));
    }
}
