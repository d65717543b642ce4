package io.scenelog.livelink.client;

import static io.scenelog.livelink.client.Samples.change;
import static io.scenelog.livelink.client.Samples.event;
import static io.scenelog.livelink.client.Samples.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.Color;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.Material;
import io.scenelog.model.SceneEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mirror folds a session's events over a query answer exactly as SceneEvent.avsc says. */
class SceneMirrorTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private final SceneMirror mirror = new SceneMirror();

    @Nested
    class Changes {

        @Test
        void shouldCreateAnEntityWithItsFullSetOfComponents() {
            // when
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, withTransform("a"), List.of())));

            // then
            EntityState a = mirror.entity(A).orElseThrow();
            assertThat(a.getComponents()).isEqualTo(withTransform("a"));
            assertThat(a.getVersion()).isEqualTo(1);
            assertThat(a.getSceneVersion()).isEqualTo(1);
            assertThat(a.getSceneId()).isEqualTo(Samples.SCENE);
            assertThat(a.getSessionId()).isNull();
            assertThat(a.getUpdatedAt()).isEqualTo(Samples.AT.plusMillis(1));
            assertThat(mirror.version()).isEqualTo(1);
        }

        @Test
        void shouldSetOnlyTheComponentsAnUpdateCarries() {
            // given
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, withTransform("a"), List.of())));

            // when
            Components material = Components.newBuilder().setMaterial(red()).build();
            mirror.apply(event(2, true, change(A, EntityChangeKind.UPDATED, 2, material, List.of())));

            // then
            Components expected = withTransform("a");
            expected.setMaterial(red());
            EntityState a = mirror.entity(A).orElseThrow();
            assertThat(a.getComponents()).isEqualTo(expected);
            assertThat(a.getVersion()).isEqualTo(2);
            assertThat(a.getSceneVersion()).isEqualTo(2);
        }

        @Test
        void shouldRemoveTheListedComponents() {
            // given
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, withTransform("a"), List.of())));

            // when
            mirror.apply(event(2, true, change(A, EntityChangeKind.COMPONENTS_REMOVED, 2, new Components(),
                    List.of(ComponentKind.TRANSFORM, ComponentKind.UNKNOWN))));

            // then
            assertThat(mirror.entity(A).orElseThrow().getComponents()).isEqualTo(named("a"));
        }

        @Test
        void shouldReparentUnderAnEntityAndBackToTheRoot() {
            // given
            mirror.apply(event(1, true,
                    change(A, EntityChangeKind.CREATED, 1, named("a"), List.of()),
                    change(B, EntityChangeKind.CREATED, 1, named("b"), List.of())));

            // when
            mirror.apply(event(2, true, change(B, EntityChangeKind.REPARENTED, 2,
                    Components.newBuilder().setParent(A).build(), List.of())));
            UUID parentAfterMove = mirror.entity(B).orElseThrow().getComponents().getParent();
            mirror.apply(event(3, true, change(B, EntityChangeKind.REPARENTED, 3, new Components(),
                    List.of(ComponentKind.PARENT))));

            // then
            assertThat(parentAfterMove).isEqualTo(A);
            assertThat(mirror.entity(B).orElseThrow().getComponents()).isEqualTo(named("b"));
            assertThat(mirror.entity(B).orElseThrow().getVersion()).isEqualTo(3);
        }

        @Test
        void shouldDeleteAnEntity() {
            // given
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, named("a"), List.of())));

            // when
            mirror.apply(event(2, true, change(A, EntityChangeKind.DELETED, 2, new Components(), List.of())));

            // then
            assertThat(mirror.entity(A)).isEmpty();
            assertThat(mirror.size()).isZero();
        }

        @Test
        void shouldApplySeveralChangesOfOneEventInOrder() {
            // when one action creates A and renames it at once
            mirror.apply(event(1, true,
                    change(A, EntityChangeKind.CREATED, 1, named("a"), List.of()),
                    change(A, EntityChangeKind.UPDATED, 2, named("renamed"), List.of())));

            // then
            assertThat(mirror.entity(A).orElseThrow().getComponents().getName()).isEqualTo("renamed");
            assertThat(mirror.entity(A).orElseThrow().getVersion()).isEqualTo(2);
        }

        @Test
        void shouldMarkTransientChangesWithTheEmittersSession() {
            // given a persisted entity
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, named("a"), List.of())));

            // when the session moves it in its overlay only
            mirror.apply(event(2, false, change(A, EntityChangeKind.UPDATED, 2, withTransform(null), List.of())));

            // then
            assertThat(mirror.entity(A).orElseThrow().getSessionId()).isEqualTo(Samples.SESSION);
        }

        @Test
        void shouldCreateAnEntityItMissedFromAChangeAndCountIt() {
            // when an update names an entity the mirror never saw
            mirror.apply(event(1, true, change(A, EntityChangeKind.UPDATED, 4, named("a"), List.of())));

            // then
            assertThat(mirror.entity(A).orElseThrow().getComponents()).isEqualTo(named("a"));
            assertThat(mirror.unknownEntityChanges()).isEqualTo(1);
        }
    }

    @Nested
    class Versions {

        @Test
        void shouldApplyEventsAboveTheSeedAndDropThoseTheAnswerContains() {
            // given an answer consistent at version 5 with A renamed at version 5
            EntityState a = EntityState.newBuilder().setSceneId(Samples.SCENE).setEntityId(A).setVersion(2)
                    .setSceneVersion(5).setComponents(named("a@5")).setUpdatedAt(Samples.AT).build();
            mirror.seed(new EntitySnapshot(5, List.of(a)));

            // when events 4 and 5 (already in the answer) and 6 arrive
            boolean fourApplied = mirror.apply(event(4, true, change(A, EntityChangeKind.UPDATED, 1, named("a@4"),
                    List.of())));
            boolean fiveApplied = mirror.apply(event(5, true, change(A, EntityChangeKind.UPDATED, 2, named("a@5"),
                    List.of())));
            boolean sixApplied = mirror.apply(event(6, true, change(A, EntityChangeKind.UPDATED, 3, named("a@6"),
                    List.of())));

            // then
            assertThat(List.of(fourApplied, fiveApplied, sixApplied)).containsExactly(false, false, true);
            assertThat(mirror.entity(A).orElseThrow().getComponents().getName()).isEqualTo("a@6");
            assertThat(mirror.version()).isEqualTo(6);
            assertThat(mirror.duplicatesDropped()).isEqualTo(2);
            assertThat(mirror.eventsApplied()).isEqualTo(1);
        }

        @Test
        void shouldApplyAnEventPastSkippedVersionsAndCountThemWithoutError() {
            // given
            mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, named("a"), List.of())));

            // when versions 2 to 4 were other sessions' transient events
            boolean applied = mirror.apply(event(5, true, change(A, EntityChangeKind.UPDATED, 2, named("a2"),
                    List.of())));

            // then
            assertThat(applied).isTrue();
            assertThat(mirror.version()).isEqualTo(5);
            assertThat(mirror.versionsSkipped()).isEqualTo(3);
        }

        @Test
        void shouldEndInTheSameStateWhenAResumeReplaysEventsItAlreadyApplied() {
            // given the log of a scene: A created, then renamed eight times
            List<SceneEvent> log = new ArrayList<>();
            log.add(event(1, true, change(A, EntityChangeKind.CREATED, 1, named("v1"), List.of())));
            LongStream.rangeClosed(2, 9).forEach(v -> log.add(event(v, true,
                    change(A, EntityChangeKind.UPDATED, v, named("v" + v), List.of()))));
            SceneMirror once = new SceneMirror();
            log.forEach(once::apply);

            // when a client applied 1..6, lost its connection, and the bridge resent from 4 on
            log.subList(0, 6).forEach(mirror::apply);
            log.subList(3, 9).forEach(mirror::apply);

            // then
            assertThat(mirror.entities()).isEqualTo(once.entities());
            assertThat(mirror.version()).isEqualTo(9);
            assertThat(mirror.entity(A).orElseThrow().getVersion()).isEqualTo(9);
            assertThat(mirror.duplicatesDropped()).isEqualTo(3);
            assertThat(mirror.eventsApplied()).isEqualTo(9);
        }

        @Test
        void shouldReplaceEverythingWhenSeededAgainAfterAReset() {
            // given
            mirror.apply(event(7, true, change(A, EntityChangeKind.CREATED, 1, named("a"), List.of())));

            // when the scene was recreated and the new answer is at version 2
            EntityState b = EntityState.newBuilder().setSceneId(Samples.SCENE).setEntityId(B).setVersion(1)
                    .setSceneVersion(2).setComponents(named("b")).setUpdatedAt(Samples.AT).build();
            mirror.seed(new EntitySnapshot(2, List.of(b)));
            mirror.apply(event(3, true, change(B, EntityChangeKind.UPDATED, 2, named("b3"), List.of())));

            // then
            assertThat(mirror.entities().keySet()).containsExactly(B);
            assertThat(mirror.version()).isEqualTo(3);
        }
    }

    @Test
    void shouldHandOutCopiesThatCannotChangeTheMirror() {
        // given
        Components created = named("a");
        mirror.apply(event(1, true, change(A, EntityChangeKind.CREATED, 1, created, List.of())));

        // when
        created.setName("changed by the event's owner");
        mirror.entity(A).orElseThrow().getComponents().setName("changed by a reader");
        mirror.entities().get(A).setVersion(99);

        // then
        assertThat(mirror.entity(A).orElseThrow().getComponents().getName()).isEqualTo("a");
        assertThat(mirror.entity(A).orElseThrow().getVersion()).isEqualTo(1);
    }

    private static Components withTransform(String name) {
        return Components.newBuilder().setName(name).setTransform(Operations.transformAt(1, 2, 3)).build();
    }

    private static Material red() {
        return Material.newBuilder().setBaseColor(new Color(1f, 0f, 0f, 1f)).build();
    }
}
