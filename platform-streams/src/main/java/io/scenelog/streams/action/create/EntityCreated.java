package io.scenelog.streams.action.create;

import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.streams.scene.EntityEvent;
import io.scenelog.streams.scene.EntityStates;
import io.scenelog.streams.scene.Stamp;
import java.util.List;
import java.util.UUID;

/**
 * An entity was created with a full set of components.
 *
 * @param entityId   the new entity
 * @param components its components
 */
public record EntityCreated(UUID entityId, Components components) implements EntityEvent {

    @Override
    public EntityState applyTo(EntityState current, Stamp stamp) {
        return CreateEntityRule.evolve(this, stamp);
    }

    @Override
    public EntityChange toChange(long entityVersion) {
        return new EntityChange(entityId, EntityChangeKind.CREATED, entityVersion, EntityStates.copy(components),
                List.of());
    }
}
