package io.scenelog.streams.auth;

import java.time.Instant;

/**
 * A token whose signature, issuer and lifetime were checked.
 *
 * @param claims    what the token says about its bearer
 * @param issuedAt  the {@code iat} claim
 * @param expiresAt the {@code exp} claim; the token is refused from this instant on
 */
public record VerifiedToken(TokenClaims claims, Instant issuedAt, Instant expiresAt) {
}
