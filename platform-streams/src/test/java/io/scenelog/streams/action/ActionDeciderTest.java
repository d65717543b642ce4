package io.scenelog.streams.action;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.cameraOf;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createChild;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.delete;
import static io.scenelog.streams.testing.Fixtures.move;
import static io.scenelog.streams.testing.Fixtures.reparent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.AssetRef;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.Quat;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionStatus;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.MapSceneState;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActionDeciderTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private final ActionDecider decider =
            new ActionDecider(new TokenVerifier(Fixtures.KEY, Clock.fixed(T0, ZoneOffset.UTC)));
    private final MapSceneState state = new MapSceneState(scene).withScene(7).withEntity(crate, cube("crate"), 3);

    private ActionOutcome decide(SceneAction action) {
        return decider.decide(state, action, T0);
    }

    private static void assertRejected(ActionOutcome outcome, ReasonCode reason) {
        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).as(rejected.rejection().message())
                        .isEqualTo(reason));
    }

    private static ActionOutcome.Committed assertCommitted(ActionOutcome outcome) {
        assertThat(outcome).isInstanceOf(ActionOutcome.Committed.class);
        return (ActionOutcome.Committed) outcome;
    }

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

    @Nested
    class Structure {

        @Test
        void shouldRejectAnEmptyOperationList() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR).build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectNaNInATransform() {
            // given
            Components moved = Components.newBuilder().setTransform(new Transform(new Vec3(Double.NaN, 0.0, 0.0),
                    new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(1.0, 1.0, 1.0))).build();

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, new UpdateComponents(crate, moved, null))
                    .build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAnInfiniteScale() {
            // given
            Components scaled = Components.newBuilder().setTransform(new Transform(new Vec3(0.0, 0.0, 0.0),
                    new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(Double.POSITIVE_INFINITY, 1.0, 1.0))).build();

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), scaled)).build()),
                    ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAZeroLengthQuaternion() {
            // given
            Components turned = Components.newBuilder().setTransform(new Transform(new Vec3(0.0, 0.0, 0.0),
                    new Quat(0.0, 0.0, 0.0, 0.0), new Vec3(1.0, 1.0, 1.0))).build();

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, new UpdateComponents(crate, turned, null))
                    .build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAnEmptyUpdate() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR,
                    new UpdateComponents(crate, new Components(), null)).build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAnUpdateThatSetsTheParent() {
            // given
            Components parented = Components.newBuilder().setParent(UUID.randomUUID()).build();

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, new UpdateComponents(crate, parented, null))
                    .build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAnUnknownComponentKind() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR,
                    new RemoveComponents(crate, List.of(ComponentKind.UNKNOWN), null)).build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectTheSameEntityCreatedTwiceInOneAction() {
            // given
            UUID twin = UUID.randomUUID();

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, create(twin, cube("a")),
                    create(twin, cube("b"))).build()), ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAMeshWithBothAssetAndPrimitive() {
            // given
            Components both = cube("both");
            both.getMesh().setAsset(new AssetRef("a".repeat(64), null));

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), both)).build()),
                    ReasonCode.INVALID);
        }
    }

    @Nested
    class Entities {

        @Test
        void shouldRejectAnUpdateOfAnUnknownEntity() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(UUID.randomUUID(), 1, null)).build()),
                    ReasonCode.UNKNOWN_ENTITY);
        }

        @Test
        void shouldRejectACreateOfAnExistingEntity() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR, create(crate, cube("again"))).build()),
                    ReasonCode.ENTITY_EXISTS);
        }

        @Test
        void shouldRejectACreateUnderAnUnknownParent() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR,
                    createChild(UUID.randomUUID(), UUID.randomUUID())).build()), ReasonCode.UNKNOWN_ENTITY);
        }

        @Test
        void shouldRejectAStaleExpectedVersion() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, 2L)).build()),
                    ReasonCode.VERSION_CONFLICT);
        }

        @Test
        void shouldAcceptTheCurrentExpectedVersion() {
            assertThat(assertCommitted(decide(action(scene, "alice", Role.EDITOR, move(crate, 1, 3L)).build()))
                    .writes().get(crate).getVersion()).isEqualTo(4L);
        }

        @Test
        void shouldRejectAReparentThatMakesACycle() {
            // given: crate -> child; moving crate under child would loop
            UUID child = UUID.randomUUID();
            Components underCrate = cube("child");
            underCrate.setParent(crate);
            state.withEntity(child, underCrate, 1);

            // then
            assertRejected(decide(action(scene, "alice", Role.EDITOR, reparent(crate, child)).build()),
                    ReasonCode.INVALID);
        }

        @Test
        void shouldRejectAReparentUnderAnUnknownEntity() {
            assertRejected(decide(action(scene, "alice", Role.EDITOR, reparent(crate, UUID.randomUUID())).build()),
                    ReasonCode.UNKNOWN_ENTITY);
        }

        @Test
        void shouldApplyOperationsInOrderWithinOneAction() {
            // given
            UUID fresh = UUID.randomUUID();

            // when: create, then update with the version the create produced
            ActionOutcome.Committed committed = assertCommitted(decide(action(scene, "alice", Role.EDITOR,
                    create(fresh, cube("fresh")), move(fresh, 5, 1L)).build()));

            // then
            assertThat(committed.event().getChanges())
                    .extracting(EntityChange::getKind, EntityChange::getEntityVersion)
                    .containsExactly(tuple(EntityChangeKind.CREATED, 1L), tuple(EntityChangeKind.UPDATED, 2L));
            assertThat(committed.writes().get(fresh).getComponents().getTransform().getPosition().getX())
                    .isEqualTo(5.0);
        }

        @Test
        void shouldCommitAtTheNextSceneVersion() {
            // when
            ActionOutcome.Committed committed = assertCommitted(decide(action(scene, "alice", Role.EDITOR,
                    move(crate, 1, null)).build()));

            // then
            assertThat(committed.event().getVersion()).isEqualTo(8L);
            assertThat(committed.writes().get(crate).getSceneVersion()).isEqualTo(8L);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void shouldAnswerAKnownActionIdWithTheFirstOutcome() {
            // given
            SceneAction action = action(scene, "alice", Role.EDITOR, move(crate, 1, null)).build();
            state.withOutcome(accepted(action, 8L));

            // when
            ActionOutcome outcome = decide(action);

            // then
            assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Duplicate.class,
                    duplicate -> assertThat(duplicate.original().getSceneVersion()).isEqualTo(8L));
        }

        @Test
        void shouldAnswerAKnownClientSeqUnderAnotherActionIdAsDuplicate() {
            // given
            SceneAction first = action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setClientSeq(41).build();
            state.withOutcome(accepted(first, 8L));

            // when: a retry with a fresh action id
            ActionOutcome outcome = decide(SceneAction.newBuilder(first).setActionId(UUID.randomUUID()).build());

            // then
            assertThat(outcome).isInstanceOf(ActionOutcome.Duplicate.class);
        }

        private ActionResult accepted(SceneAction action, long version) {
            return ActionResult.newBuilder().setActionId(action.getActionId()).setSceneId(scene)
                    .setSessionId(action.getSessionId()).setClientId(action.getClientId())
                    .setClientSeq(action.getClientSeq()).setStatus(ActionStatus.ACCEPTED).setSceneVersion(version)
                    .setDecidedAt(T0).build();
        }
    }
}
