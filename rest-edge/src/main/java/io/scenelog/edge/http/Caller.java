package io.scenelog.edge.http;

import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import java.time.Instant;
import java.util.Objects;

/**
 * The authenticated sender of a request: the verified claims of its bearer token, and the token itself, which the
 * edge passes on inside the scene actions it writes for the caller (the commit pipeline re-verifies it: it is the
 * single authority, DESIGN §9).
 *
 * @param claims    who the caller is and what the token allows
 * @param token     the bearer token as sent
 * @param expiresAt when the token runs out
 */
public record Caller(TokenClaims claims, String token, Instant expiresAt) {

    public Caller {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The principal, the token's subject. */
    public String subject() {
        return claims.subject();
    }

    /** The token's role. */
    public Role role() {
        return claims.role();
    }

    /** Whether the token's role is at least {@code needed} (viewer < editor < admin). */
    public boolean hasRole(Role needed) {
        return claims.role().ordinal() >= needed.ordinal();
    }
}
