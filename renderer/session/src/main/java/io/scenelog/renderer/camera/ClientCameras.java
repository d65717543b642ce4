package io.scenelog.renderer.camera;

import io.scenelog.model.Camera;
import io.scenelog.model.EntityState;
import io.scenelog.renderer.draw.ViewCamera;
import io.scenelog.renderer.scene.ReplicaSnapshot;
import io.scenelog.renderer.scene.internal.OnceLog;
import io.scenelog.renderer.scene.internal.WorldTransforms;
import java.util.Optional;
import org.joml.Matrix4fc;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * Finds a client's camera in a session's view of its scene: the overlay entity with a Camera component owned by the
 * client (the bridge creates one per client when it joins). A client without one yet sees {@link #DEFAULT}.
 */
public final class ClientCameras {

    /** The view of a client without a camera entity: where the bridge puts a new client's camera. */
    public static final ViewCamera DEFAULT = ViewCamera.lookingAt(new Vector3f(0f, 2f, 6f), new Vector3f(),
            60f, 0.1f, 1000f);

    private static final OnceLog PROBLEMS = new OnceLog();

    private ClientCameras() {
    }

    /** The client's camera entity, the first by id if (against the rules) it has several. */
    public static Optional<EntityState> entityOf(ReplicaSnapshot snapshot, String clientId) {
        return snapshot.entities().values().stream()
                .filter(e -> e.getSessionId() != null)
                .filter(e -> e.getComponents().getCamera() != null
                        && clientId.equals(e.getComponents().getCamera().getOwnerClientId()))
                .findFirst();
    }

    /** What the client sees: its camera entity's view, or {@link #DEFAULT}. */
    public static ViewCamera viewOf(ReplicaSnapshot snapshot, String clientId) {
        return entityOf(snapshot, clientId).map(camera -> viewOf(snapshot, camera)).orElse(DEFAULT);
    }

    /** The view from a camera entity at its world pose (its parents' transforms applied). */
    public static ViewCamera viewOf(ReplicaSnapshot snapshot, EntityState camera) {
        Matrix4fc world = new WorldTransforms(snapshot.entities(), PROBLEMS).world(camera.getEntityId());
        return view(camera.getComponents().getCamera(), world.getTranslation(new Vector3f()),
                world.getNormalizedRotation(new Quaternionf()));
    }

    /** A view with the camera's lens at a pose; lenses outside what the renderer draws are clamped. */
    public static ViewCamera view(Camera lens, Vector3f position, Quaternionf rotation) {
        float fov = Math.max(1f, Math.min(179f, lens.getFovDegrees()));
        float near = lens.getNear() > 0f ? lens.getNear() : DEFAULT.near();
        float far = lens.getFar() > near ? lens.getFar() : Math.max(near * 2f, DEFAULT.far());
        return new ViewCamera(position, rotation, fov, near, far);
    }
}
