package io.scenelog.streams.scene;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an action by its sender's numbering: a client numbers its actions per session (or per scene when it
 * writes without a session), so a retry with a fresh actionId is still recognised as a duplicate.
 *
 * @param sceneId   the action's scene
 * @param sessionId the action's session, or null for a write without one
 * @param clientId  the sending client
 * @param clientSeq the client's number for the action
 */
public record ClientSeq(UUID sceneId, UUID sessionId, String clientId, long clientSeq) {

    public ClientSeq {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(clientId, "clientId");
    }
}
