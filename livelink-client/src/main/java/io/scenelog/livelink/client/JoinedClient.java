package io.scenelog.livelink.client;

import io.scenelog.model.Role;
import java.net.URI;
import java.time.Instant;

/**
 * A client joined to a session through REST ({@code POST /sessions/{sessionId}/clients}): what {@link
 * LivelinkClient#connect} needs.
 *
 * @param clientId the client's id, its token's subject
 * @param role the client's role in the session
 * @param headless whether the client joined without video
 * @param token the client token, sent in the Hello
 * @param expiresAt when the token expires (join again before that)
 * @param livelinkUrl the bridge URL to open, with the session in its query
 */
public record JoinedClient(String clientId, Role role, boolean headless, String token, Instant expiresAt,
        URI livelinkUrl) {

    /** Hides the token: this record ends up in logs. */
    @Override
    public String toString() {
        return "JoinedClient[clientId=" + clientId + ", role=" + role + ", headless=" + headless + ", expiresAt="
                + expiresAt + ", livelinkUrl=" + livelinkUrl + "]";
    }
}
