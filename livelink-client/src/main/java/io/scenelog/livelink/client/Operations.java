package io.scenelog.livelink.client;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.Quat;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import java.util.List;
import java.util.UUID;

/**
 * Thin builders of the operations of a SceneAction (SceneAction.avsc), for {@link LivelinkClient#act}.
 * They build the generated records and nothing more: platform-streams validates them.
 */
public final class Operations {

    private Operations() {
    }

    /** Creates an entity with a full set of components (null fields are absent). */
    public static CreateEntity create(UUID entityId, Components components) {
        return CreateEntity.newBuilder().setEntityId(entityId).setComponents(components).build();
    }

    /** Sets the non-null components of {@code components} on an entity, unconditionally. */
    public static UpdateComponents update(UUID entityId, Components components) {
        return UpdateComponents.newBuilder().setEntityId(entityId).setComponents(components).build();
    }

    /** Sets components on an entity if it is still at {@code expectedVersion} (else VERSION_CONFLICT). */
    public static UpdateComponents update(UUID entityId, Components components, long expectedVersion) {
        return UpdateComponents.newBuilder().setEntityId(entityId).setComponents(components)
                .setExpectedVersion(expectedVersion).build();
    }

    /** Removes components from an entity. */
    public static RemoveComponents remove(UUID entityId, ComponentKind... kinds) {
        return RemoveComponents.newBuilder().setEntityId(entityId).setKinds(List.of(kinds)).build();
    }

    /** Deletes an entity and its children. */
    public static DeleteEntity delete(UUID entityId) {
        return DeleteEntity.newBuilder().setEntityId(entityId).build();
    }

    /** Moves an entity under {@code newParent}, or to the root when it is null. */
    public static Reparent reparent(UUID entityId, UUID newParent) {
        return Reparent.newBuilder().setEntityId(entityId).setNewParent(newParent).build();
    }

    /** Components with only a transform at {@code (x, y, z)}, unrotated, unit scale. */
    public static Components placedAt(double x, double y, double z) {
        return Components.newBuilder().setTransform(transformAt(x, y, z)).build();
    }

    /** A transform at {@code (x, y, z)}, unrotated, unit scale. */
    public static Transform transformAt(double x, double y, double z) {
        return Transform.newBuilder()
                .setPosition(new Vec3(x, y, z))
                .setRotation(new Quat(0.0, 0.0, 0.0, 1.0))
                .setScale(new Vec3(1.0, 1.0, 1.0))
                .build();
    }
}
