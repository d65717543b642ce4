package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.streams.auth.TokenClaims;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorisation on every frame, not only at the Hello: a client removed from its session, whose role changed, whose
 * session ended or whose token expired is disconnected, and nothing it sends afterwards reaches Kafka.
 */
class AuthorisationIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldDisconnectAnEvictedClientAndRelayNothingItSendsAfterwards() {
        // given
        Fixture fixture = Fixture.create("evicted");
        RestCalls.Joined editor = fixture.join("editor");
        try (RawLivelink client = connect(); RawLivelink witness = connect()) {
            client.join(editor.token());
            RestCalls.Joined other = fixture.join("editor");
            witness.join(other.token());

            // when
            platform.rest().evict(editor);

            // then
            Disconnect disconnect = client.awaitDisconnect();
            assertThat(disconnect.getReason()).isEqualTo(DisconnectReason.EVICTED);
            assertThat(disconnect.getRetryAfterMillis()).isNull();
            assertNothingRelayedAfter(client, editor, witness, other, fixture.sceneId());
        }
    }

    @Test
    void shouldDisconnectAClientWhoseRoleChanged() {
        // given
        Fixture fixture = Fixture.create("role-changed");
        RestCalls.Joined editor = fixture.join("editor");
        try (RawLivelink client = connect(); RawLivelink witness = connect()) {
            client.join(editor.token());
            RestCalls.Joined other = fixture.join("editor");
            witness.join(other.token());

            // when: an admin makes the client a viewer
            platform.control(platform.commands().clientJoined(fixture.sceneId(), fixture.sessionId(),
                    editor.clientId(), Role.VIEWER, true));

            // then
            assertThat(client.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.ROLE_CHANGED);
            assertNothingRelayedAfter(client, editor, witness, other, fixture.sceneId());
        }
    }

    @Test
    void shouldDisconnectEveryClientOfAnEndedSession() {
        // given
        Fixture fixture = Fixture.create("ended");
        try (RawLivelink first = connect(); RawLivelink second = connect()) {
            first.join(fixture.join("editor").token());
            second.join(fixture.join("viewer").token());

            // when
            platform.rest().endSession(fixture.sessionId());

            // then
            assertThat(first.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.SESSION_ENDED);
            assertThat(second.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.SESSION_ENDED);
            first.awaitClose();
            second.awaitClose();
        }
    }

    @Test
    void shouldDisconnectAClientWhenItsTokenExpires() {
        // given: a joined client with a token of two seconds
        Fixture fixture = Fixture.create("expiring");
        RestCalls.Joined joined = fixture.join("viewer");
        String shortLived = platform.mint(new TokenClaims(joined.clientId(), Role.VIEWER,
                Optional.of(fixture.sceneId()), Optional.of(fixture.sessionId())), Duration.ofSeconds(2));
        try (RawLivelink client = connect()) {
            client.join(shortLived);

            // when: the client stays quiet; the bridge's timer fires at expiry

            // then
            Disconnect disconnect = client.awaitDisconnect();
            assertThat(disconnect.getReason()).isEqualTo(DisconnectReason.TOKEN_EXPIRED);
            assertThat(disconnect.getRetryAfterMillis()).isNotNull();
        }
    }

    /**
     * After its Disconnect, the client sends an action; a witness in the same scene then sends a marker. The scene's
     * actions are ordered on one partition, so the client's would be before the marker.
     */
    private static void assertNothingRelayedAfter(RawLivelink client, RestCalls.Joined clientJoined,
            RawLivelink witness, RestCalls.Joined witnessJoined, UUID sceneId) {
        SceneAction late = new Actions(sceneId, clientJoined.sessionId(), clientJoined.clientId())
                .create(UUID.randomUUID(), "too late", true);
        if (!client.isClosed()) {
            try {
                client.send(late);
            } catch (RuntimeException closedMeanwhile) {
                // the bridge closed the socket first: nothing can arrive anyway
            }
        }
        SceneAction marker = Actions.of(witnessJoined).create(UUID.randomUUID(), "marker", false);
        witness.send(marker);
        assertThat(platform.actionsUntil(sceneId, marker.getActionId()))
                .noneMatch(action -> action.getActionId().equals(late.getActionId()));
    }

    private static RawLivelink connect() {
        return RawLivelink.connect(platform.bridge().livelinkUri());
    }

    /** A scene with one persistent session. */
    private record Fixture(UUID sceneId, UUID sessionId) {
        static Fixture create(String name) {
            UUID scene = platform.rest().createScene(name);
            return new Fixture(scene, platform.rest().createSession(scene, "persistent"));
        }

        RestCalls.Joined join(String role) {
            return platform.rest().join(sceneId, sessionId, role, true);
        }
    }
}
