package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.session.Membership;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.streams.auth.TokenFailure;
import io.scenelog.streams.auth.TokenVerification;
import java.util.Optional;

/**
 * Whether a welcomed client may still use its connection: its token has not expired, its session is live, it is
 * still in the session's member list, with the role it was welcomed with. Checked on every frame and every sweep.
 */
final class Standing {

    private Standing() {
    }

    /** Why the connection must end now, if it must. */
    static Optional<Ending> check(ConnectionServices services, Identity who) {
        TokenVerification verification = services.verifier().verify(who.token());
        if (verification instanceof TokenVerification.Invalid invalid) {
            return Optional.of(invalid.failure() == TokenFailure.EXPIRED
                    ? new Ending(DisconnectReason.TOKEN_EXPIRED, "the token expired: " + invalid.detail()
                            + "; join again through REST for a new one", 0)
                    : new Ending(DisconnectReason.PROTOCOL_ERROR, "the token is no longer valid: "
                            + invalid.detail(), null));
        }
        return membership(services, who);
    }

    /** Why the connection must end now because of the session's member list, if it must. */
    static Optional<Ending> membership(ConnectionServices services, Identity who) {
        return membership(who, services.sessions().membership(who.sessionId(), who.clientId()));
    }

    /** Why the connection must end now because of where the client stands in the session, if it must. */
    static Optional<Ending> membership(Identity who, Membership membership) {
        return switch (membership.status()) {
            case ENDED, UNKNOWN_SESSION -> Optional.of(new Ending(DisconnectReason.SESSION_ENDED, "session "
                    + who.sessionId() + " has ended", null));
            case NOT_JOINED -> Optional.of(new Ending(DisconnectReason.EVICTED, "client " + who.clientId()
                    + " was removed from session " + who.sessionId(), null));
            case JOINED -> membership.role() == who.memberRole() ? Optional.empty()
                    : Optional.of(new Ending(DisconnectReason.ROLE_CHANGED, "the client's role in session "
                            + who.sessionId() + " changed from " + who.memberRole() + " to " + membership.role()
                            + "; join again through REST for a token with the new role", null));
        };
    }

    /**
     * Why a connection ends.
     *
     * @param reason           for programs
     * @param message          for people
     * @param retryAfterMillis when reconnecting makes sense, or null
     */
    record Ending(DisconnectReason reason, String message, Integer retryAfterMillis) {
    }
}
