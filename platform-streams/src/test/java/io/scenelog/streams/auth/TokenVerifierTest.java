package io.scenelog.streams.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID SCENE = UUID.fromString("5c3e1d2a-0000-4000-8000-000000000001");
    private static final UUID SESSION = UUID.fromString("5e551017-0000-4000-8000-000000000002");

    private final TokenKey key = TokenKey.generate();
    private final MutableClock clock = new MutableClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(key, clock);
    private final TokenVerifier verifier = new TokenVerifier(key, clock);

    @Test
    void shouldAcceptATokenItsKeyIssuedWithEveryClaim() {
        // given
        TokenClaims claims = TokenClaims.of("alice", Role.EDITOR).forScene(SCENE).forSession(SESSION);

        // when
        TokenVerification result = verifier.verify(issuer.issue(claims, Duration.ofMinutes(5)));

        // then
        assertThat(result).isInstanceOfSatisfying(TokenVerification.Valid.class, valid -> {
            assertThat(valid.token().claims()).isEqualTo(claims);
            assertThat(valid.token().issuedAt()).isEqualTo(NOW);
            assertThat(valid.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void shouldWriteTheDocumentedClaims() throws Exception {
        // given
        String token = issuer.issue(TokenClaims.of("robot-7", Role.VIEWER).forScene(SCENE), Duration.ofSeconds(90));

        // when
        ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        // then
        assertThat(payload.get("iss").asText()).isEqualTo("scenelog");
        assertThat(payload.get("sub").asText()).isEqualTo("robot-7");
        assertThat(payload.get("role").asText()).isEqualTo("viewer");
        assertThat(payload.get("scene").asText()).isEqualTo(SCENE.toString());
        assertThat(payload.has("session")).isFalse();
        assertThat(payload.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(payload.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 90);
    }

    @Test
    void shouldRefuseACachedTokenOnceItExpires() {
        // given: the token verified once, so the verifier remembers it
        String token = issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofMinutes(5));
        assertThat(verifier.verify(token).isValid()).isTrue();

        // when
        clock.advance(Duration.ofMinutes(5));

        // then
        assertFailure(verifier.verify(token), TokenFailure.EXPIRED);
    }

    @Test
    void shouldNotRememberAFailedTokenAsValid() {
        // given: a token signed with another key fails, and keeps failing
        String forged = new TokenIssuer(TokenKey.generate(), clock).issue(TokenClaims.of("alice", Role.ADMIN),
                Duration.ofMinutes(5));

        // then
        assertFailure(verifier.verify(forged), TokenFailure.BAD_SIGNATURE);
        assertFailure(verifier.verify(forged), TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseATokenAfterItExpires() {
        // given
        String token = issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofMinutes(5));

        // when
        clock.advance(Duration.ofMinutes(5));

        // then
        assertFailure(verifier.verify(token), TokenFailure.EXPIRED);
    }

    @Test
    void shouldAcceptATokenOneSecondBeforeItExpires() {
        // given
        String token = issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofMinutes(5));

        // when
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        // then
        assertThat(verifier.verify(token).isValid()).isTrue();
    }

    @Test
    void shouldAcceptAnExpiredTokenWithinTheLeeway() {
        // given
        String token = issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plusSeconds(10));

        // then
        assertThat(verifier.withLeeway(Duration.ofSeconds(30)).verify(token).isValid()).isTrue();
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        // given
        String token = new TokenIssuer(TokenKey.generate(), clock)
                .issue(TokenClaims.of("mallory", Role.ADMIN), Duration.ofMinutes(5));

        // then
        assertFailure(verifier.verify(token), TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseATamperedPayload() {
        // given: a viewer token whose role is rewritten to admin, keeping the signature
        String token = issuer.issue(TokenClaims.of("mallory", Role.VIEWER), Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\"");

        // when
        TokenVerification result = verifier.verify(parts[0] + "." + encode(payload) + "." + parts[2]);

        // then
        assertFailure(result, TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseAlgorithmNone() {
        // given: an unsigned token claiming admin, as in the classic JWT "alg none" attack
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = encode("{\"iss\":\"scenelog\",\"sub\":\"mallory\",\"role\":\"admin\",\"iat\":"
                + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");

        // then
        assertFailure(verifier.verify(header + "." + payload + "."), TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseAnotherIssuer() {
        // given: correctly signed, but not a Scenelog token
        String token = sign("{\"iss\":\"elsewhere\",\"sub\":\"alice\",\"role\":\"editor\",\"iat\":1,\"exp\":"
                + (NOW.getEpochSecond() + 600) + "}");

        // then
        assertFailure(verifier.verify(token), TokenFailure.WRONG_ISSUER);
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        // given
        String token = sign("{\"iss\":\"scenelog\",\"sub\":\"alice\",\"role\":\"root\",\"iat\":1,\"exp\":"
                + (NOW.getEpochSecond() + 600) + "}");

        // then
        assertFailure(verifier.verify(token), TokenFailure.MALFORMED);
    }

    @Test
    void shouldRefuseAScopeThatIsNotAUuid() {
        // given
        String token = sign("{\"iss\":\"scenelog\",\"sub\":\"alice\",\"role\":\"editor\",\"scene\":\"1-1-1-1-1\","
                + "\"iat\":1,\"exp\":" + (NOW.getEpochSecond() + 600) + "}");

        // then
        assertFailure(verifier.verify(token), TokenFailure.MALFORMED);
    }

    @Test
    void shouldRefuseMissingExpiry() {
        // given
        String token = sign("{\"iss\":\"scenelog\",\"sub\":\"alice\",\"role\":\"editor\",\"iat\":1}");

        // then
        assertFailure(verifier.verify(token), TokenFailure.MALFORMED);
    }

    @Test
    void shouldRefuseTextsThatAreNotTokens() {
        assertFailure(verifier.verify(null), TokenFailure.MALFORMED);
        assertFailure(verifier.verify(""), TokenFailure.MALFORMED);
        assertFailure(verifier.verify("a.b"), TokenFailure.MALFORMED);
        assertFailure(verifier.verify("a.b.c.d"), TokenFailure.MALFORMED);
        assertFailure(verifier.verify("!!!.???.***"), TokenFailure.MALFORMED);
        assertFailure(verifier.verify("x".repeat(TokenVerifier.MAX_TOKEN_CHARS + 1)), TokenFailure.MALFORMED);
    }

    @Test
    void shouldRefuseAPaddedSignature() {
        // given: the same signature bytes spelled with base64 padding
        String token = issuer.issue(TokenClaims.of("alice", Role.EDITOR), Duration.ofMinutes(5));

        // then
        assertFailure(verifier.verify(token + "="), TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void shouldCheckSceneAndSessionScopes() {
        // given
        TokenClaims scoped = TokenClaims.of("alice", Role.EDITOR).forScene(SCENE).forSession(SESSION);
        TokenClaims unscoped = TokenClaims.of("alice", Role.EDITOR);

        // then
        assertThat(scoped.allowsScene(SCENE)).isTrue();
        assertThat(scoped.allowsScene(UUID.randomUUID())).isFalse();
        assertThat(scoped.allowsSession(SESSION)).isTrue();
        assertThat(scoped.allowsSession(UUID.randomUUID())).isFalse();
        assertThat(scoped.allowsSession(null)).isFalse();
        assertThat(unscoped.allowsScene(UUID.randomUUID())).isTrue();
        assertThat(unscoped.allowsSession(null)).isTrue();
    }

    private String sign(String payloadJson) {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(payloadJson);
        return signingInput + "." + Jws.encode(Jws.sign(key, signingInput));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFailure(TokenVerification result, TokenFailure expected) {
        assertThat(result).isInstanceOfSatisfying(TokenVerification.Invalid.class,
                invalid -> assertThat(invalid.failure()).as(invalid.detail()).isEqualTo(expected));
    }
}
