package io.scenelog.renderer.scene.internal;

import static io.scenelog.renderer.scene.Samples.at;
import static io.scenelog.renderer.scene.Samples.change;
import static io.scenelog.renderer.scene.Samples.cube;
import static io.scenelog.renderer.scene.Samples.entity;
import static io.scenelog.renderer.scene.Samples.event;
import static io.scenelog.renderer.scene.Samples.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.Camera;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.renderer.scene.SceneDigest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplicaStateTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final UUID otherSession = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private final UUID camera = UUID.randomUUID();

    private ReplicaState bootstrappedAtFive() {
        EntityState persisted = entity(scene, null, crate, 1, 5, cube(at(0, 0, 0)));
        return ReplicaState.of(snapshot(scene, session, 5, List.of(persisted), List.of()));
    }

    @Test
    void shouldApplyAPersistedUpdateWithThePipelinesEvolve() {
        // given
        ReplicaState state = bootstrappedAtFive();

        // when
        ReplicaState.Outcome outcome = state.apply(event(scene, 6, otherSession, true,
                change(crate, EntityChangeKind.UPDATED, 2, Components.newBuilder().setName("moved").build())));

        // then
        assertThat(outcome).isEqualTo(ReplicaState.Outcome.APPLIED);
        EntityState updated = state.visible().get(crate);
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getComponents().getName()).isEqualTo("moved");
        assertThat(updated.getComponents().getMesh()).isNotNull();
        assertThat(state.version()).isEqualTo(6);
    }

    @Test
    void shouldSkipVersionsAtOrBeforeTheBootstrap() {
        // given
        ReplicaState state = bootstrappedAtFive();

        // when
        ReplicaState.Outcome outcome = state.apply(event(scene, 5, session, true,
                change(crate, EntityChangeKind.DELETED, 2, new Components())));

        // then
        assertThat(outcome).isEqualTo(ReplicaState.Outcome.ALREADY_SEEN);
        assertThat(state.visible()).containsKey(crate);
    }

    @Test
    void shouldReportAGapWhenAVersionIsMissing() {
        // given
        ReplicaState state = bootstrappedAtFive();

        // when
        ReplicaState.Outcome outcome = state.apply(event(scene, 7, session, true,
                change(crate, EntityChangeKind.DELETED, 2, new Components())));

        // then
        assertThat(outcome).isEqualTo(ReplicaState.Outcome.GAP);
        assertThat(state.version()).isEqualTo(5);
        assertThat(state.lastProblem()).contains("jumped from version 5 to 7");
    }

    @Test
    void shouldCountButNotApplyAnotherSessionsTransientEdit() {
        // given
        ReplicaState state = bootstrappedAtFive();
        SceneDigest before = SceneDigest.of(5, state.visible().values());

        // when
        ReplicaState.Outcome outcome = state.apply(event(scene, 6, otherSession, false,
                change(crate, EntityChangeKind.UPDATED, 2, Components.newBuilder().setName("theirs").build())));

        // then
        assertThat(outcome).isEqualTo(ReplicaState.Outcome.APPLIED);
        assertThat(state.version()).isEqualTo(6);
        assertThat(state.visible().get(crate).getComponents().getName()).isNull();
        assertThat(SceneDigest.of(6, state.visible().values()).hash()).isEqualTo(before.hash());
    }

    @Test
    void shouldShadowAPersistedEntityWithItsOwnSessionsTransientEdit() {
        // given
        ReplicaState state = bootstrappedAtFive();

        // when
        state.apply(event(scene, 6, session, false,
                change(crate, EntityChangeKind.UPDATED, 2, Components.newBuilder().setName("mine").build())));
        state.apply(event(scene, 7, otherSession, true,
                change(crate, EntityChangeKind.UPDATED, 2, Components.newBuilder().setTags(List.of("x")).build())));

        // then the overlay copy still wins in this session, as in the pipeline's session view
        EntityState seen = state.visible().get(crate);
        assertThat(seen.getSessionId()).isEqualTo(session);
        assertThat(seen.getComponents().getName()).isEqualTo("mine");
    }

    @Test
    void shouldRemoveOverlayShadowsWhenThePersistedEntityIsDeleted() {
        // given
        ReplicaState state = bootstrappedAtFive();
        state.apply(event(scene, 6, session, false,
                change(crate, EntityChangeKind.UPDATED, 2, Components.newBuilder().setName("mine").build())));

        // when
        state.apply(event(scene, 7, otherSession, true, change(crate, EntityChangeKind.DELETED, 2,
                new Components())));

        // then
        assertThat(state.visible()).doesNotContainKey(crate);
    }

    @Test
    void shouldReportAnEventThatDoesNotFitTheState() {
        // given
        ReplicaState state = bootstrappedAtFive();

        // when the entity version is not the one the replica computes
        ReplicaState.Outcome outcome = state.apply(event(scene, 6, session, true,
                change(crate, EntityChangeKind.UPDATED, 9, Components.newBuilder().setName("x").build())));

        // then nothing of the event applied
        assertThat(outcome).isEqualTo(ReplicaState.Outcome.INCONSISTENT);
        assertThat(state.visible().get(crate).getVersion()).isEqualTo(1);
        assertThat(state.version()).isEqualTo(5);
    }

    @Test
    void shouldDropACameraTheOverlayTombstonedWithoutAnEvent() {
        // given a client's camera created after the bootstrap
        ReplicaState state = bootstrappedAtFive();
        Components lens = Components.newBuilder().setCamera(new Camera(60f, 0.1f, 100f, "alice")).build();
        state.apply(event(scene, 6, session, false, change(camera, EntityChangeKind.CREATED, 1, lens)));
        state.overlayRecord(camera, entity(scene, session, camera, 1, 6, lens));

        // when the client left: session-state tombstones its camera
        state.overlayRecord(camera, null);

        // then
        assertThat(state.visible()).doesNotContainKey(camera);
    }

    @Test
    void shouldKeepACameraRecreatedAfterAnOlderTombstone() {
        // given the camera was removed (tombstone after its write at 6), then created again at 8
        ReplicaState state = bootstrappedAtFive();
        Components lens = Components.newBuilder().setCamera(new Camera(60f, 0.1f, 100f, "alice")).build();
        state.apply(event(scene, 6, session, false, change(camera, EntityChangeKind.CREATED, 1, lens)));
        state.apply(event(scene, 7, otherSession, true, change(crate, EntityChangeKind.UPDATED, 2,
                Components.newBuilder().setName("n").build())));
        state.apply(event(scene, 8, session, false, change(camera, EntityChangeKind.CREATED, 1, lens)));

        // when the follower reads the overlay's older records only now
        state.overlayRecord(camera, entity(scene, session, camera, 1, 6, lens));
        state.overlayRecord(camera, null);

        // then the newer camera stays
        assertThat(state.visible().get(camera).getSceneVersion()).isEqualTo(8);
    }
}
