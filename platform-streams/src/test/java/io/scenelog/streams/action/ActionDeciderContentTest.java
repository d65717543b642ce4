package io.scenelog.streams.action;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createChild;
import static io.scenelog.streams.testing.Fixtures.cube;
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
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules about what an action may do: structure, entities, duplicates. */
class ActionDeciderContentTest extends ActionDeciderFixture {

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
