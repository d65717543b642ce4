package io.scenelog.bridge.internal.session;

import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import java.util.UUID;

/**
 * Where a client stands in a session, as the bridge's view of the {@code sessions} topic says now.
 *
 * @param status   joined, or why not
 * @param sceneId  the session's scene (null when the session is unknown)
 * @param mode     the session's mode (null when unknown)
 * @param role     the role the client joined with (null unless JOINED)
 * @param headless whether the client joined without video
 */
public record Membership(Status status, UUID sceneId, SessionMode mode, Role role, boolean headless) {

    /** Whether the client is in the session. */
    public enum Status {
        /** The session is live and the client in its clients list. */
        JOINED,
        /** The session is live but the client is not (or no longer) in it: never joined, or evicted. */
        NOT_JOINED,
        /** The session has ended. */
        ENDED,
        /** No such session. */
        UNKNOWN_SESSION
    }

    /** Whether the client is in the session. */
    public boolean joined() {
        return status == Status.JOINED;
    }
}
