package io.scenelog.streams.query;

import static io.scenelog.streams.testing.Snapshots.scene;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.EntityState;
import io.scenelog.streams.testing.Snapshots;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionSnapshotTest {

    private static final UUID SCENE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID FIRST = UUID.fromString("10000000-0000-0000-0000-000000000000");
    private static final UUID SECOND = UUID.fromString("20000000-0000-0000-0000-000000000000");
    private static final UUID THIRD = UUID.fromString("30000000-0000-0000-0000-000000000000");

    @Test
    void shouldReplaceAPersistedEntityByTheSessionsOverlayEntryOfTheSameId() {
        // given
        SessionSnapshot snapshot = new SessionSnapshot(scene(SCENE, 7, persisted(FIRST), persisted(SECOND)),
                SESSION, List.of(overlay(SECOND, SESSION)));

        // when
        List<EntityState> visible = snapshot.visibleEntities();

        // then
        assertThat(visible).extracting(EntityState::getEntityId).containsExactly(FIRST, SECOND);
        assertThat(visible).extracting(EntityState::getSessionId).containsExactly(null, SESSION);
    }

    @Test
    void shouldShowTheOverlaysOwnEntitiesInEntityIdOrderAmongThePersistedOnes() {
        // given: the overlay's entity sorts between two persisted ones
        SessionSnapshot snapshot = new SessionSnapshot(scene(SCENE, 7, persisted(FIRST), persisted(THIRD)),
                SESSION, List.of(overlay(SECOND, SESSION)));

        // when
        List<EntityState> visible = snapshot.visibleEntities();

        // then
        assertThat(visible).extracting(EntityState::getEntityId).containsExactly(FIRST, SECOND, THIRD);
        assertThat(snapshot.scene().entities()).extracting(EntityState::getEntityId).containsExactly(FIRST, THIRD);
    }

    @Test
    void shouldShowThePersistedSceneAtItsVersionWhenTheOverlayIsEmpty() {
        // given
        SessionSnapshot snapshot = new SessionSnapshot(scene(SCENE, 3, persisted(SECOND), persisted(FIRST)),
                SESSION, List.of());

        // then
        assertThat(snapshot.visibleEntities()).extracting(EntityState::getEntityId).containsExactly(FIRST, SECOND);
        assertThat(snapshot.version()).isEqualTo(3L);
    }

    @Test
    void shouldRefuseAnOverlayEntityOfAnotherSession() {
        // given
        UUID otherSession = UUID.randomUUID();

        // then
        assertThatThrownBy(() -> new SessionSnapshot(scene(SCENE, 1), SESSION, List.of(overlay(FIRST, otherSession))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(otherSession.toString())
                .hasMessageContaining(SESSION.toString());
    }

    @Test
    void shouldRefuseAnOverlayEntityOfAnotherScene() {
        // given
        EntityState foreign = Snapshots.overlay(UUID.randomUUID(), FIRST, SESSION);

        // then
        assertThatThrownBy(() -> new SessionSnapshot(scene(SCENE, 1), SESSION, List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(foreign.getSceneId().toString());
    }

    @Test
    void shouldRefuseAPersistedEntityPassedAsOverlay() {
        assertThatThrownBy(() -> new SessionSnapshot(scene(SCENE, 1), SESSION, List.of(persisted(FIRST))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session null");
    }

    private static EntityState persisted(UUID entityId) {
        return Snapshots.persisted(SCENE, entityId);
    }

    private static EntityState overlay(UUID entityId, UUID sessionId) {
        return Snapshots.overlay(SCENE, entityId, sessionId);
    }
}
