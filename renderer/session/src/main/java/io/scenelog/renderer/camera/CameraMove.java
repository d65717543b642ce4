package io.scenelog.renderer.camera;

import io.scenelog.model.Role;
import io.scenelog.model.Transform;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's camera moved by its input: the pose to commit to its camera entity.
 *
 * @param clientId the client whose camera it is (the action is signed for it)
 * @param role     the client's role in the session (the token says it; the pipeline checks it again)
 * @param entityId the camera entity in the session's overlay
 * @param pose     the camera's new transform
 */
public record CameraMove(String clientId, Role role, UUID entityId, Transform pose) {

    public CameraMove {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(pose, "pose");
    }
}
