package io.scenelog.streams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.model.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks Scenelog tokens minted by {@link TokenIssuer} with the same key: the algorithm (HS256 only, so
 * {@code "alg":"none"} and algorithm confusion are refused), the signature (compared in constant time), the issuer,
 * the lifetime and the claims. Scope (scene, session) is the caller's check, with {@link TokenClaims#allowsScene}
 * and {@link TokenClaims#allowsSession}. Thread-safe.
 */
public final class TokenVerifier {

    /** Longer texts are refused before any parsing, so a hostile token cannot cost much. */
    public static final int MAX_TOKEN_CHARS = 8192;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tokens verified recently; a client sends the same token with every action, so most checks are hits. */
    private static final int CACHED_TOKENS = 4096;

    private final TokenKey key;
    private final Clock clock;
    private final Duration leeway;
    private final Map<String, VerifiedToken> verified = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
            return size() > CACHED_TOKENS;
        }
    };

    /**
     * A verifier without clock-skew leeway.
     *
     * @param key   the shared secret
     * @param clock the source of "now" for expiry; {@link Clock#systemUTC()} outside tests
     */
    public TokenVerifier(TokenKey key, Clock clock) {
        this(key, clock, Duration.ZERO);
    }

    private TokenVerifier(TokenKey key, Clock clock, Duration leeway) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("Token leeway must be between 0 and 5 minutes, got " + leeway);
        }
    }

    /** A verifier that still accepts tokens up to {@code value} past their expiry (clock skew between hosts). */
    public TokenVerifier withLeeway(Duration value) {
        return new TokenVerifier(key, clock, value);
    }

    /**
     * Verifies a compact JWS; never throws for a bad token. A token string that verified before is not parsed and
     * signed again (the same text has the same signature and claims), but its expiry is checked on every call.
     */
    public TokenVerification verify(String token) {
        VerifiedToken known = cached(token);
        if (known != null) {
            return checkExpiry(known);
        }
        TokenVerification verification = verifyUncached(token);
        if (verification instanceof TokenVerification.Valid valid) {
            remember(token, valid.token());
        }
        return verification;
    }

    private synchronized VerifiedToken cached(String token) {
        return token == null ? null : verified.get(token);
    }

    private synchronized void remember(String token, VerifiedToken verifiedToken) {
        verified.put(token, verifiedToken);
    }

    private TokenVerification checkExpiry(VerifiedToken token) {
        Instant now = clock.instant();
        if (!now.isBefore(token.expiresAt().plus(leeway))) {
            return invalid(TokenFailure.EXPIRED, "expired at " + token.expiresAt() + ", now " + now);
        }
        return new TokenVerification.Valid(token);
    }

    private TokenVerification verifyUncached(String token) {
        if (token == null || token.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "no token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return invalid(TokenFailure.MALFORMED, "token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return invalid(TokenFailure.MALFORMED, "a token has three dot-separated parts, this one has "
                    + parts.length);
        }
        Optional<JsonNode> header = parseJson(parts[0]);
        if (header.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "the header is not base64url JSON");
        }
        JsonNode alg = header.get().get("alg");
        if (alg == null || !alg.isTextual() || !Jws.ALGORITHM.equals(alg.asText())) {
            return invalid(TokenFailure.BAD_SIGNATURE, "algorithm " + (alg == null ? "missing" : alg.toString())
                    + " is not accepted, only " + Jws.ALGORITHM);
        }
        if (!signatureMatches(parts[0] + "." + parts[1], parts[2])) {
            return invalid(TokenFailure.BAD_SIGNATURE, "the signature does not match the key");
        }
        Optional<JsonNode> payload = parseJson(parts[1]);
        if (payload.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "the claims are not base64url JSON");
        }
        return checkClaims(payload.get());
    }

    private TokenVerification checkClaims(JsonNode claims) {
        JsonNode iss = claims.get("iss");
        if (iss == null || !Jws.ISSUER.equals(iss.asText())) {
            return invalid(TokenFailure.WRONG_ISSUER, "issuer " + (iss == null ? "missing" : iss.toString())
                    + ", expected \"" + Jws.ISSUER + "\"");
        }
        Optional<Long> iat = seconds(claims, "iat");
        Optional<Long> exp = seconds(claims, "exp");
        if (iat.isEmpty() || exp.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "iat and exp must be whole seconds since the epoch");
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.get());
        Optional<String> sub = text(claims, "sub").filter(s -> !s.isBlank()
                && s.length() <= TokenClaims.MAX_SUBJECT_LENGTH);
        if (sub.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "sub is missing or blank");
        }
        Optional<Role> role = text(claims, "role").flatMap(TokenVerifier::role);
        if (role.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "role must be viewer, editor or admin");
        }
        Optional<Optional<UUID>> scene = optionalUuid(claims, "scene");
        Optional<Optional<UUID>> session = optionalUuid(claims, "session");
        if (scene.isEmpty() || session.isEmpty()) {
            return invalid(TokenFailure.MALFORMED, "scene and session, when present, must be UUIDs");
        }
        TokenClaims tokenClaims = new TokenClaims(sub.get(), role.get(), scene.get(), session.get());
        return checkExpiry(new VerifiedToken(tokenClaims, Instant.ofEpochSecond(iat.get()), expiresAt));
    }

    private boolean signatureMatches(String signingInput, String signature) {
        byte[] given;
        try {
            given = Jws.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(Jws.sign(key, signingInput), given);
    }

    private static Optional<JsonNode> parseJson(String part) {
        try {
            JsonNode node = JSON.readTree(new String(Jws.decode(part), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> seconds(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        return node != null && node.canConvertToExactIntegral() && node.canConvertToLong()
                ? Optional.of(node.asLong()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Role> role(String name) {
        return switch (name) {
            case "viewer" -> Optional.of(Role.VIEWER);
            case "editor" -> Optional.of(Role.EDITOR);
            case "admin" -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }

    /** Empty when present but not a UUID; otherwise the UUID or "absent". */
    private static Optional<Optional<UUID>> optionalUuid(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null || node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(node.asText());
            // UUID.fromString accepts short forms like "1-1-1-1-1"; only the canonical spelling names a scene.
            return uuid.toString().equals(node.asText().toLowerCase(Locale.ROOT))
                    ? Optional.of(Optional.of(uuid)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static TokenVerification invalid(TokenFailure failure, String detail) {
        return new TokenVerification.Invalid(failure, detail);
    }
}
