package io.scenelog.streams.action;

import io.scenelog.model.ReasonCode;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenVerification;
import io.scenelog.streams.auth.TokenVerifier;
import java.util.UUID;

/**
 * The token checks shared by actions and control commands: a valid token (signature, issuer, lifetime) whose
 * subject is the sender and whose scope covers the scene and the session. Every failure is UNAUTHORIZED.
 */
public final class Authorization {

    private Authorization() {
    }

    /**
     * @param sessionId the session the request acts in, or null for none (a session-scoped token then fails)
     * @return the claims, or the rejection
     */
    public static Result check(TokenVerifier verifier, String token, String clientId, UUID sceneId,
            UUID sessionId) {
        TokenVerification verification = verifier.verify(token);
        if (verification instanceof TokenVerification.Invalid invalid) {
            return refused("token refused (" + invalid.failure() + "): " + invalid.detail());
        }
        TokenClaims claims = ((TokenVerification.Valid) verification).token().claims();
        if (!claims.subject().equals(clientId)) {
            return refused("the token is for '" + claims.subject() + "', not for client '" + clientId + "'");
        }
        if (!claims.allowsScene(sceneId)) {
            return refused("the token is scoped to scene " + claims.scene().orElseThrow() + ", not " + sceneId);
        }
        if (!claims.allowsSession(sessionId)) {
            return refused("the token is scoped to session " + claims.session().orElseThrow() + ", not "
                    + (sessionId == null ? "a write without a session" : sessionId.toString()));
        }
        return new Result(claims, null);
    }

    private static Result refused(String message) {
        return new Result(null, new Rejection(ReasonCode.UNAUTHORIZED, message));
    }

    /**
     * The claims of an authorised request, or why it is refused.
     *
     * @param claims    the claims, null when refused
     * @param rejection the refusal, null when authorised
     */
    public record Result(TokenClaims claims, Rejection rejection) {

        /** Whether the request is authorised. */
        public boolean authorised() {
            return rejection == null;
        }
    }
}
