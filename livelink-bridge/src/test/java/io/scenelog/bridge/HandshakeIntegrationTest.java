package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import io.scenelog.streams.auth.TokenClaims;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hello first, and every reason a Hello is refused (README "Livelink protocol", Sequences). */
class HandshakeIntegrationTest {

    private static RunningPlatform platform;
    private static UUID sceneId;
    private static UUID sessionId;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        sceneId = platform.rest().createScene("handshake");
        sessionId = platform.rest().createSession(sceneId, "persistent");
    }

    @Test
    void shouldWelcomeAJoinedClientWithItsSessionRoleAndLimits() {
        // given
        RestCalls.Joined editor = platform.rest().join(sceneId, sessionId, "editor", true);
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            // when
            Welcome welcome = client.join(editor.token());

            // then
            assertThat(welcome.getSceneId()).isEqualTo(sceneId);
            assertThat(welcome.getSessionId()).isEqualTo(sessionId);
            assertThat(welcome.getClientId()).isEqualTo(editor.clientId());
            assertThat(welcome.getRole()).isEqualTo(Role.EDITOR);
            assertThat(welcome.getSessionMode()).isEqualTo(SessionMode.PERSISTENT);
            assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.FRESH);
            assertThat(welcome.getStartVersion()).isGreaterThanOrEqualTo(0);
            assertThat(welcome.getLimits().getMaxFrameBytes())
                    .isEqualTo(platform.bridge().settings().limits().maxFrameBytes());
            assertThat(welcome.getHeartbeatTimeoutMillis()).isGreaterThanOrEqualTo(
                    2 * welcome.getHeartbeatIntervalMillis());
            assertThat(welcome.getTokenExpiresAt()).isAfter(Instant.now());
            assertThat(welcome.getBridgeId()).isEqualTo(platform.bridge().settings().bridgeId());
            Presence self = client.awaitFirst(Presence.class, p -> p.getClientId().equals(editor.clientId()));
            assertThat(self.getKind()).isEqualTo(PresenceKind.PRESENT);
            assertThat(client.frames().get(0).payload()).isInstanceOf(Welcome.class);
        }
    }

    @Test
    void shouldAnswerAPingWithAPongEchoingIt() {
        // given
        RestCalls.Joined viewer = platform.rest().join(sceneId, sessionId, "viewer", true);
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            client.join(viewer.token());

            // when
            client.send(Heartbeat.newBuilder().setKind(HeartbeatKind.PING).setSequence(42).setPingSentMicros(1234)
                    .setSentAt(Instant.now()).setSceneVersion(null).build());

            // then
            Heartbeat pong = client.awaitFirst(Heartbeat.class, h -> h.getKind() == HeartbeatKind.PONG);
            assertThat(pong.getSequence()).isEqualTo(42);
            assertThat(pong.getPingSentMicros()).isEqualTo(1234);
        }
    }

    @Test
    void shouldRefuseAFirstFrameThatIsNotAHello() {
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            // when
            client.send(Heartbeat.newBuilder().setKind(HeartbeatKind.PING).setSequence(1).setPingSentMicros(1)
                    .setSentAt(Instant.now()).setSceneVersion(null).build());

            // then
            assertThat(client.awaitRefusal().getReason()).isEqualTo(RefusalReason.PROTOCOL_ERROR);
            client.awaitClose();
        }
    }

    @Test
    void shouldRefuseAnUndecodableFirstFrame() {
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            // when: the hello channel with a truncated payload
            client.sendBytes(new byte[] {1, 2});

            // then
            assertThat(client.awaitRefusal().getReason()).isEqualTo(RefusalReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldRefuseWhenNoHelloArrivesInTime() {
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            // when: nothing is sent

            // then
            assertThat(client.awaitRefusal().getReason()).isEqualTo(RefusalReason.HELLO_TIMEOUT);
            client.awaitClose();
        }
    }

    @Test
    void shouldRefuseAForgedToken() {
        // given: a token for a joined client, signed with another key
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);
        String forged = new io.scenelog.streams.auth.TokenIssuer(io.scenelog.streams.auth.TokenKey.generate(),
                java.time.Clock.systemUTC()).issue(claims(joined, Role.VIEWER), Duration.ofMinutes(5));

        // when, then
        assertThat(refusalOf(forged).getReason()).isEqualTo(RefusalReason.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseAMalformedToken() {
        assertThat(refusalOf("not-a-token").getReason()).isEqualTo(RefusalReason.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);

        // when, then
        assertThat(refusalOf(platform.expired(claims(joined, Role.VIEWER))).getReason())
                .isEqualTo(RefusalReason.TOKEN_EXPIRED);
    }

    @Test
    void shouldRefuseATokenNotScopedToASession() {
        // given: an admin token good for every scene and session
        String unscoped = platform.adminToken();

        // when, then
        Refusal refusal = refusalOf(unscoped);
        assertThat(refusal.getReason()).isEqualTo(RefusalReason.FORBIDDEN);
        assertThat(refusal.getMessage()).contains("not scoped to a session");
    }

    @Test
    void shouldRefuseASessionInTheUrlThatIsNotTheTokens() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);
        URI otherSession = URI.create(livelink() + "?session=" + UUID.randomUUID());

        try (RawLivelink client = RawLivelink.connect(otherSession)) {
            // when
            client.send(RawLivelink.hello(joined.token()).build());

            // then
            assertThat(client.awaitRefusal().getReason()).isEqualTo(RefusalReason.FORBIDDEN);
        }
    }

    @Test
    void shouldAcceptTheSessionInTheUrlWhenItIsTheTokens() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);
        URI sameSession = URI.create(livelink() + "?session=" + sessionId);

        try (RawLivelink client = RawLivelink.connect(sameSession)) {
            // when, then
            assertThat(client.join(joined.token()).getSessionId()).isEqualTo(sessionId);
        }
    }

    @Test
    void shouldRefuseAClientThatNeverJoinedTheSession() {
        // given: a valid token scoped to the session for a client the session does not list
        String token = platform.mint(new TokenClaims("never-joined", Role.EDITOR, Optional.of(sceneId),
                Optional.of(sessionId)), Duration.ofMinutes(5));

        // when, then
        assertThat(refusalOf(token).getReason()).isEqualTo(RefusalReason.UNKNOWN_SESSION);
    }

    @Test
    void shouldRefuseAnEvictedClient() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);
        platform.rest().evict(joined);

        // when, then
        assertThat(refusalOf(joined.token()).getReason()).isEqualTo(RefusalReason.UNKNOWN_SESSION);
    }

    @Test
    void shouldRefuseAClientOfAnEndedSession() {
        // given
        UUID ended = platform.rest().createSession(sceneId, "transient");
        RestCalls.Joined joined = platform.rest().join(sceneId, ended, "viewer", true);
        platform.rest().endSession(ended);

        // when, then
        assertThat(refusalOf(joined.token()).getReason()).isEqualTo(RefusalReason.UNKNOWN_SESSION);
    }

    @Test
    void shouldRefuseAProtocolVersionItDoesNotSpeak() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            // when
            client.send(RawLivelink.hello(joined.token()).setProtocolVersion(7).setMinProtocolVersion(5).build());

            // then
            Refusal refusal = client.awaitRefusal();
            assertThat(refusal.getReason()).isEqualTo(RefusalReason.UNSUPPORTED_PROTOCOL);
            assertThat(refusal.getProtocolVersion()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseTheUpgradeFromAForeignOrigin() {
        assertThat(RawLivelink.refusedUpgradeStatus(livelink(), "https://evil.example.net")).isEqualTo(403);
    }

    @Test
    void shouldAcceptTheAllowedOrigin() {
        // given
        RestCalls.Joined joined = platform.rest().join(sceneId, sessionId, "viewer", true);

        // when
        try (RawLivelink client = RawLivelink.connect(livelink(), Optional.of(RunningPlatform.ALLOWED_ORIGIN))) {
            // then
            assertThat(client.join(joined.token()).getClientId()).isEqualTo(joined.clientId());
        }
    }

    private static Refusal refusalOf(String token) {
        try (RawLivelink client = RawLivelink.connect(livelink())) {
            client.send(RawLivelink.hello(token).build());
            Refusal refusal = client.awaitRefusal();
            client.awaitClose();
            return refusal;
        }
    }

    private static TokenClaims claims(RestCalls.Joined joined, Role role) {
        return new TokenClaims(joined.clientId(), role, Optional.of(joined.sceneId()),
                Optional.of(joined.sessionId()));
    }

    private static URI livelink() {
        return platform.bridge().livelinkUri();
    }
}
