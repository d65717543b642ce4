package io.scenelog.streams.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mints Scenelog tokens: JWTs signed with HS256, with the claims {@code iss} ("scenelog"), {@code sub}, {@code role}
 * ("viewer", "editor" or "admin"), optionally {@code scene} and {@code session} (UUIDs), {@code iat} and {@code exp}
 * (seconds since the epoch). Thread-safe.
 */
public final class TokenIssuer {

    /** The longest lifetime a token may have; long-lived principals re-mint instead. */
    public static final Duration MAX_TTL = Duration.ofDays(366);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = Jws.encode(
            ("{\"alg\":\"" + Jws.ALGORITHM + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));

    private final TokenKey key;
    private final Clock clock;

    /**
     * @param key   the shared secret
     * @param clock the source of {@code iat}; {@link Clock#systemUTC()} outside tests
     */
    public TokenIssuer(TokenKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Mints a token for the claims, valid from now for {@code ttl} (whole seconds, rounded up).
     *
     * @throws IllegalArgumentException when the ttl is not positive or longer than {@link #MAX_TTL}
     */
    public String issue(TokenClaims claims, Duration ttl) {
        Objects.requireNonNull(claims, "claims");
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A token lifetime must be positive and at most " + MAX_TTL
                    + ", got " + ttl);
        }
        long issuedAt = clock.instant().getEpochSecond();
        long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", Jws.ISSUER);
        payload.put("sub", claims.subject());
        payload.put("role", claims.role().name().toLowerCase(Locale.ROOT));
        claims.scene().ifPresent(scene -> payload.put("scene", scene.toString()));
        claims.session().ifPresent(session -> payload.put("session", session.toString()));
        payload.put("iat", issuedAt);
        payload.put("exp", issuedAt + seconds);
        String signingInput = HEADER + "." + Jws.encode(json(payload));
        return signingInput + "." + Jws.encode(Jws.sign(key, signingInput));
    }

    private static byte[] json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            // Strings and numbers only: Jackson cannot fail on them short of a bug.
            throw new IllegalStateException("Cannot write token claims as JSON", e);
        }
    }
}
