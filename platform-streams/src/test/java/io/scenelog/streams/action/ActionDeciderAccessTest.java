package io.scenelog.streams.action;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.cameraOf;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.delete;
import static io.scenelog.streams.testing.Fixtures.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.MapSceneState;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules about who may act where: tokens, roles, scenes and sessions. */
class ActionDeciderAccessTest extends ActionDeciderFixture {

    @Nested
    class Tokens {

        @Test
        void shouldRejectAnExpiredTokenAsUnauthorized() {
            // given
            Clock later = Clock.fixed(T0.plus(Fixtures.TOKEN_TTL).plus(Duration.ofSeconds(1)), ZoneOffset.UTC);
            ActionDecider laterDecider = new ActionDecider(new TokenVerifier(Fixtures.KEY, later));

            // when
            ActionOutcome outcome = laterDecider.decide(state,
                    action(scene, "alice", Role.EDITOR, move(crate, 1, null)).build(), T0);

            // then
            assertRejected(outcome, ReasonCode.UNAUTHORIZED);
        }

        @Test
        void shouldRejectATokenOfAnotherClientAsUnauthorized() {
            // given: mallory acts as alice with her own token
            SceneAction action = action(scene, "alice", Role.EDITOR, move(crate, 1, null))
                    .setToken(Fixtures.token("mallory", Role.ADMIN)).build();

            // then
            assertRejected(decide(action), ReasonCode.UNAUTHORIZED);
        }

        @Test
        void shouldRejectATokenScopedToAnotherSceneAsUnauthorized() {
            // given
            String token = Fixtures.token(TokenClaims.of("alice", Role.EDITOR).forScene(UUID.randomUUID()));

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setToken(token).build()),
                    ReasonCode.UNAUTHORIZED);
        }

        @Test
        void shouldRejectATokenScopedToAnotherSessionAsUnauthorized() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "alice", Role.EDITOR);
            String token = Fixtures.token(TokenClaims.of("alice", Role.EDITOR).forSession(UUID.randomUUID()));

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setSessionId(session)
                    .setToken(token).build()), ReasonCode.UNAUTHORIZED);
        }

        @Test
        void shouldRejectASessionScopedTokenOnAWriteWithoutSessionAsUnauthorized() {
            // given
            String token = Fixtures.token(TokenClaims.of("alice", Role.EDITOR).forSession(session));

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setToken(token).build()),
                    ReasonCode.UNAUTHORIZED);
        }

        @Test
        void shouldAcceptATokenScopedToTheActionsSceneAndSession() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "alice", Role.EDITOR);
            String token = Fixtures.token(TokenClaims.of("alice", Role.EDITOR).forScene(scene).forSession(session));

            // then
            assertCommitted(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setSessionId(session)
                    .setToken(token).build()));
        }
    }
    @Nested
    class Roles {

        @Test
        void shouldRejectPersistedEditFromViewer() {
            assertRejected(decide(action(scene, "vera", Role.VIEWER, move(crate, 1, null)).build()),
                    ReasonCode.FORBIDDEN_PERSIST);
        }

        @Test
        void shouldAcceptTransientEditFromViewerInASession() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "vera", Role.VIEWER);

            // when
            ActionOutcome outcome = decide(action(scene, "vera", Role.VIEWER, move(crate, 1, null))
                    .setSessionId(session).setPersist(false).build());

            // then
            assertThat(assertCommitted(outcome).overlaySession()).isEqualTo(session);
        }

        @Test
        void shouldUseTheLesserOfTokenRoleAndSessionRole() {
            // given: an editor token, but joined to the session as a viewer
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "alice", Role.VIEWER);

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setSessionId(session)
                    .build()), ReasonCode.FORBIDDEN_PERSIST);
        }
    }
    @Nested
    class ScenesAndSessions {

        @Test
        void shouldRejectAnActionOnAnUnknownScene() {
            // given
            MapSceneState nothing = new MapSceneState(scene);

            // then
            assertRejected(decider.decide(nothing, action(scene, "alice", Role.EDITOR,
                    create(UUID.randomUUID(), cube("a"))).build(), T0), ReasonCode.UNKNOWN_SCENE);
        }

        @Test
        void shouldRejectAnActionOnADeletedScene() {
            // given
            MapSceneState deleted = new MapSceneState(scene).withDeletedScene();

            // then
            assertRejected(decider.decide(deleted, action(scene, "alice", Role.EDITOR,
                    create(UUID.randomUUID(), cube("a"))).build(), T0), ReasonCode.UNKNOWN_SCENE);
        }

        @Test
        void shouldRejectAnActionInASessionTheClientHasNotJoined() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "bob", Role.EDITOR);

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setSessionId(session)
                    .build()), ReasonCode.UNKNOWN_SESSION);
        }

        @Test
        void shouldRejectAnActionInAnEndedSession() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.ENDED, "alice", Role.EDITOR);

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setSessionId(session)
                    .build()), ReasonCode.UNKNOWN_SESSION);
        }

        @Test
        void shouldRejectAnActionInASessionOfAnotherScene() {
            // then: the session is not among this scene's
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null))
                    .setSessionId(UUID.randomUUID()).build()), ReasonCode.UNKNOWN_SESSION);
        }

        @Test
        void shouldAcceptActionsInARequestedSessionWaitingForItsRenderer() {
            // given: the session's state lives in Kafka, not in the renderer, so edits need not wait for it
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.REQUESTED, "alice", Role.EDITOR);

            // then
            assertThat(assertCommitted(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null))
                    .setSessionId(session).build())).persisted()).isTrue();
        }

        @Test
        void shouldNeverPersistInATransientSessionWhateverPersistSays() {
            // given
            state.withSession(session, SessionMode.TRANSIENT, SessionStatus.RUNNING, "alice", Role.EDITOR);

            // when
            ActionOutcome.Committed committed = assertCommitted(decide(action(scene, "alice", Role.EDITOR,
                    move(crate, 1, null)).setSessionId(session).setPersist(true).build()));

            // then
            assertThat(committed.persisted()).isFalse();
            assertThat(committed.overlaySession()).isEqualTo(session);
            assertThat(committed.event().getPersisted()).isFalse();
            assertThat(committed.event().getEmitter().getSessionId()).isEqualTo(session);
        }

        @Test
        void shouldKeepPersistFalseInTheOverlayOfAPersistentSession() {
            // given
            state.withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING, "alice", Role.EDITOR);

            // when
            ActionOutcome.Committed committed = assertCommitted(decide(action(scene, "alice", Role.EDITOR,
                    move(crate, 1, null)).setSessionId(session).setPersist(false).build()));

            // then: the overlay copy continues the persisted entity's version
            assertThat(committed.persisted()).isFalse();
            assertThat(committed.writes().get(crate).getVersion()).isEqualTo(4L);
            assertThat(committed.writes().get(crate).getSessionId()).isEqualTo(session);
        }

        @Test
        void shouldRejectPersistFalseWithoutASession() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setPersist(false)
                    .build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectATransientDeleteOfAPersistedEntity() {
            // given
            state.withSession(session, SessionMode.TRANSIENT, SessionStatus.RUNNING, "alice", Role.EDITOR);

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, delete(crate)).setSessionId(session)
                    .build()), ReasonCode.INVALID);
        }

        @Test
        void shouldDeleteAnOverlayOnlyEntityInItsSession() {
            // given
            UUID camera = UUID.randomUUID();
            state.withSession(session, SessionMode.TRANSIENT, SessionStatus.RUNNING, "vera", Role.VIEWER)
                    .withOverlayEntity(session, camera, cameraOf("vera"), 2);

            // when
            ActionOutcome.Committed committed = assertCommitted(decide(action(scene, "vera", Role.VIEWER,
                    delete(camera)).setSessionId(session).setPersist(false).build()));

            // then
            assertThat(committed.writes()).containsEntry(camera, null);
        }
    }
}
