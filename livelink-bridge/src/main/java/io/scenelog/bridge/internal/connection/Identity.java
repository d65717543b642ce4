package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.presence.PresenceEntities;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import java.time.Instant;
import java.util.UUID;

/**
 * Who a welcomed connection is, fixed at the Welcome: the token's client, scene and session, the role it was
 * welcomed with and the role the session gave it (a change of the latter ends the connection, ROLE_CHANGED).
 *
 * @param sceneId     the scene
 * @param sessionId   the session
 * @param clientId    the client, the token's subject
 * @param role        the role actions are taken with: the lesser of the token's and the session's
 * @param memberRole  the role in the session's member list at the Welcome
 * @param headless    whether the client has no video
 * @param mode        the session's mode
 * @param token       the client's token, stamped into its actions
 * @param expiresAt   when the token expires
 * @param displayName the name shown for the client (its Hello's, else its id)
 */
public record Identity(UUID sceneId, UUID sessionId, String clientId, Role role, Role memberRole, boolean headless,
        SessionMode mode, String token, Instant expiresAt, String displayName) {

    /** The identity the presence actions name. */
    PresenceEntities.Identity presence() {
        return new PresenceEntities.Identity(sceneId, sessionId, clientId);
    }
}
