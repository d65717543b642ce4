package io.scenelog.edge.api;

import io.scenelog.model.Role;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The edge's own admin token, with which it signs the control commands it sends for callers whose role it has
 * checked (the pipeline accepts control commands from admins only). Re-minted well before it runs out.
 */
final class ServiceToken {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);

    private final String subject;
    private final TokenIssuer issuer;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    ServiceToken(String subject, TokenIssuer issuer, Clock clock) {
        this.subject = subject;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Command builders signed with a current token. */
    synchronized SceneCommands commands() {
        Instant now = clock.instant();
        if (now.plus(RENEW_BEFORE).isAfter(expiresAt)) {
            token = issuer.issue(TokenClaims.of(subject, Role.ADMIN), LIFETIME);
            expiresAt = now.plus(LIFETIME);
        }
        return new SceneCommands(subject, token, clock);
    }

    /** The subject the commands are sent as; their results are routed to it. */
    String subject() {
        return subject;
    }
}
