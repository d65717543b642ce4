package io.scenelog.streams.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private final TokenIssuer issuer =
            new TokenIssuer(TokenKey.generate(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));

    @Test
    void shouldRefuseANonPositiveLifetime() {
        assertThatThrownBy(() -> issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifetime");
    }

    @Test
    void shouldRefuseALifetimeOverAYear() {
        assertThatThrownBy(() -> issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofDays(400)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseABlankSubject() {
        assertThatThrownBy(() -> TokenClaims.of(" ", Role.EDITOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void shouldProduceACompactJwsWithAnHs256Header() {
        // when
        String token = issuer.issue(TokenClaims.of("alice", Role.ADMIN), Duration.ofHours(1));

        // then
        assertThat(token.split("\\.")).hasSize(3);
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        assertThat(token).startsWith(Jws.encode(header.getBytes(StandardCharsets.UTF_8)));
        assertThat(token).doesNotContain("=");
    }
}
