package io.scenelog.streams.action.remove;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.streams.scene.EntityEvent;
import io.scenelog.streams.scene.Stamp;
import java.util.List;
import java.util.UUID;

/**
 * Components were removed from an entity.
 *
 * @param entityId the entity
 * @param kinds    the components removed (never PARENT or UNKNOWN)
 */
public record ComponentsRemoved(UUID entityId, List<ComponentKind> kinds) implements EntityEvent {

    public ComponentsRemoved {
        kinds = List.copyOf(kinds);
    }

    @Override
    public EntityState applyTo(EntityState current, Stamp stamp) {
        return RemoveComponentsRule.evolve(current, this, stamp);
    }

    @Override
    public EntityChange toChange(long entityVersion) {
        return new EntityChange(entityId, EntityChangeKind.COMPONENTS_REMOVED, entityVersion, new Components(),
                kinds);
    }
}
