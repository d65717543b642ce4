package io.scenelog.streams.action.delete;

import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.streams.scene.EntityEvent;
import io.scenelog.streams.scene.Stamp;
import java.util.List;
import java.util.UUID;

/**
 * An entity was deleted (itself, or as a descendant of a deleted entity).
 *
 * @param entityId the entity
 */
public record EntityDeleted(UUID entityId) implements EntityEvent {

    @Override
    public EntityState applyTo(EntityState current, Stamp stamp) {
        return DeleteEntityRule.evolve(current, this);
    }

    @Override
    public EntityChange toChange(long entityVersion) {
        return new EntityChange(entityId, EntityChangeKind.DELETED, entityVersion, new Components(), List.of());
    }
}
