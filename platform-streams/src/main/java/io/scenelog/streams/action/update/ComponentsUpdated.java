package io.scenelog.streams.action.update;

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
 * Some components of an entity were set (null components unchanged).
 *
 * @param entityId   the entity
 * @param components the components set
 */
public record ComponentsUpdated(UUID entityId, Components components) implements EntityEvent {

    @Override
    public EntityState applyTo(EntityState current, Stamp stamp) {
        return UpdateComponentsRule.evolve(current, this, stamp);
    }

    @Override
    public EntityChange toChange(long entityVersion) {
        return new EntityChange(entityId, EntityChangeKind.UPDATED, entityVersion, EntityStates.copy(components),
                List.of());
    }
}
