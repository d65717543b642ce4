package io.scenelog.streams.scene;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.cube;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.streams.action.create.EntityCreated;
import io.scenelog.streams.action.delete.EntityDeleted;
import io.scenelog.streams.action.remove.ComponentsRemoved;
import io.scenelog.streams.action.reparent.EntityReparented;
import io.scenelog.streams.action.update.ComponentsUpdated;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.MapSceneState;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityEvolutionTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID entity = UUID.randomUUID();
    private final Stamp stamp = new Stamp(scene, null, 12L, T0);

    private EntityState created() {
        return new EntityCreated(entity, cube("crate")).applyTo(null, new Stamp(scene, null, 11L, T0));
    }

    @Test
    void shouldCreateAnEntityAtVersionOne() {
        // when
        EntityState state = created();

        // then
        assertThat(state.getVersion()).isEqualTo(1L);
        assertThat(state.getSceneVersion()).isEqualTo(11L);
        assertThat(state.getSessionId()).isNull();
        assertThat(state.getComponents().getName()).isEqualTo("crate");
    }

    @Test
    void shouldReplaceOnlyTheComponentsAnUpdateSets() {
        // given
        Components renamed = Components.newBuilder().setName("box").build();

        // when
        EntityState state = new ComponentsUpdated(entity, renamed).applyTo(created(), stamp);

        // then
        assertThat(state.getComponents().getName()).isEqualTo("box");
        assertThat(state.getComponents().getMesh()).isEqualTo(cube("x").getMesh());
        assertThat(state.getVersion()).isEqualTo(2L);
        assertThat(state.getSceneVersion()).isEqualTo(12L);
    }

    @Test
    void shouldRemoveComponentsAndReportThem() {
        // given
        ComponentsRemoved removed = new ComponentsRemoved(entity, List.of(ComponentKind.MESH, ComponentKind.TAGS));

        // when
        EntityState state = removed.applyTo(created(), stamp);

        // then
        assertThat(state.getComponents().getMesh()).isNull();
        assertThat(state.getComponents().getName()).isEqualTo("crate");
        EntityChange change = removed.toChange(2L);
        assertThat(change.getKind()).isEqualTo(EntityChangeKind.COMPONENTS_REMOVED);
        assertThat(change.getRemoved()).containsExactly(ComponentKind.MESH, ComponentKind.TAGS);
    }

    @Test
    void shouldReportAMoveToTheRootAsParentRemoved() {
        // when
        EntityReparented toRoot = new EntityReparented(entity, null);

        // then
        assertThat(toRoot.applyTo(created(), stamp).getComponents().getParent()).isNull();
        assertThat(toRoot.toChange(2L).getRemoved()).containsExactly(ComponentKind.PARENT);
    }

    @Test
    void shouldKeepTheLocalTransformWhenReparenting() {
        // given
        UUID parent = UUID.randomUUID();

        // when
        EntityState moved = new EntityReparented(entity, parent).applyTo(created(), stamp);

        // then
        assertThat(moved.getComponents().getParent()).isEqualTo(parent);
        assertThat(moved.getComponents().getTransform()).isEqualTo(Fixtures.transform(0, 0, 0));
    }

    @Test
    void shouldLeaveNothingOfADeletedEntity() {
        assertThat(new EntityDeleted(entity).applyTo(created(), stamp)).isNull();
    }

    @Test
    void shouldNotChangeTheStateItEvolvesFrom() {
        // given
        EntityState before = created();

        // when
        new ComponentsUpdated(entity, Components.newBuilder().setName("box").build()).applyTo(before, stamp);

        // then: Avro records are mutable; evolve must copy
        assertThat(before.getComponents().getName()).isEqualTo("crate");
        assertThat(before.getVersion()).isEqualTo(1L);
    }

    @Test
    void shouldListDeletedChildrenAfterTheirParentInAStagedSpace() {
        // given
        Components child = cube("child");
        child.setParent(entity);
        UUID childId = UUID.randomUUID();
        StagedSpace staged = new StagedSpace(new MapSceneState(scene).withScene(3)
                .withEntity(entity, cube("parent"), 1).withEntity(childId, child, 1).persisted(), stamp);

        // when
        staged.apply(new EntityDeleted(entity));
        staged.apply(new EntityDeleted(childId));

        // then
        assertThat(staged.changes()).extracting(EntityChange::getEntityId).containsExactly(entity, childId);
        assertThat(staged.changes()).extracting(EntityChange::getEntityVersion).containsExactly(2L, 2L);
        assertThat(staged.entity(entity)).isEmpty();
        assertThat(staged.children(entity)).isEmpty();
    }
}
