package io.scenelog.app.check;

import static io.scenelog.app.support.SampleEvents.at;
import static io.scenelog.app.support.SampleEvents.change;
import static io.scenelog.app.support.SampleEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.Emitter;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SceneModelTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID parent = UUID.randomUUID();
    private final UUID child = UUID.randomUUID();
    private final SceneModel model = new SceneModel();

    private void commit(long version, EntityChange... changes) {
        model.apply(event(scene, version, "sim", Instant.now(), List.of(changes)));
    }

    private static Components none() {
        return Components.newBuilder().build();
    }

    @Test
    void shouldApplyEachChangeKindAsTheSchemaDocumentsIt() {
        // given
        commit(1, change(parent, EntityChangeKind.CREATED, 1, Components.newBuilder().setName("p").build()),
                change(child, EntityChangeKind.CREATED, 1, Components.newBuilder().setName("c")
                        .setTransform(at(1, 2, 3)).setVisible(true).build()));

        // when
        commit(2, change(child, EntityChangeKind.UPDATED, 2, Components.newBuilder().setTransform(at(4, 5, 6))
                .build()));
        commit(3, change(child, EntityChangeKind.COMPONENTS_REMOVED, 3, none()));
        commit(4, change(child, EntityChangeKind.REPARENTED, 4, Components.newBuilder().setParent(parent).build()));
        commit(5, change(parent, EntityChangeKind.DELETED, 2, none()));

        // then
        assertThat(model.anomalies()).isEmpty();
        assertThat(model.entities()).containsOnlyKeys(child);
        SceneModel.Entity entity = model.entities().get(child);
        assertThat(entity.version()).isEqualTo(4);
        assertThat(entity.sceneVersion()).isEqualTo(4);
        assertThat(entity.components().getName()).isEqualTo("c");
        assertThat(entity.components().getTransform().getPosition().getX()).isEqualTo(4.0);
        assertThat(entity.components().getParent()).isEqualTo(parent);
        assertThat(entity.components().getVisible()).isTrue();
    }

    @Test
    void shouldRemoveTheNamedComponentsAndReparentToTheRoot() {
        // given
        commit(1, change(child, EntityChangeKind.CREATED, 1, Components.newBuilder().setName("c")
                .setTransform(at(1, 2, 3)).setParent(parent).build()));
        EntityChange removal = change(child, EntityChangeKind.COMPONENTS_REMOVED, 2, none());
        removal.setRemoved(List.of(ComponentKind.TRANSFORM));
        EntityChange toRoot = change(child, EntityChangeKind.REPARENTED, 3, none());
        toRoot.setRemoved(List.of(ComponentKind.PARENT));

        // when
        commit(2, removal);
        commit(3, toRoot);

        // then
        Components components = model.entities().get(child).components();
        assertThat(components.getTransform()).isNull();
        assertThat(components.getParent()).isNull();
        assertThat(components.getName()).isEqualTo("c");
    }

    @Test
    void shouldIgnoreSessionOverlayEvents() {
        // given
        SceneEvent overlay = SceneEvent.newBuilder().setSceneId(scene).setVersion(1).setActionId(UUID.randomUUID())
                .setEmitter(Emitter.newBuilder().setClientId("viewer").setRole(Role.VIEWER).setSessionId(null)
                        .build())
                .setPersisted(false).setCommittedAt(Instant.now())
                .setChanges(List.of(change(child, EntityChangeKind.CREATED, 1, none()))).build();

        // when
        model.apply(overlay);

        // then
        assertThat(model.entities()).isEmpty();
    }

    @Test
    void shouldReportAChangeAppliedTwice() {
        // given
        commit(1, change(child, EntityChangeKind.CREATED, 1, none()));
        commit(2, change(child, EntityChangeKind.UPDATED, 2, none()));

        // when
        commit(3, change(child, EntityChangeKind.UPDATED, 2, none()));

        // then
        assertThat(model.anomalies()).containsExactly("UPDATED at entity version 2 after 2 (entity " + child
                + ", scene version 3)");
    }
}
