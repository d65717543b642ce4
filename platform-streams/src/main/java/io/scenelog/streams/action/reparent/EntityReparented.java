package io.scenelog.streams.action.reparent;

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
 * An entity moved under another parent, or to the root (newParent null), keeping its local transform.
 *
 * @param entityId  the entity
 * @param newParent the new parent, or null for the root
 */
public record EntityReparented(UUID entityId, UUID newParent) implements EntityEvent {

    @Override
    public EntityState applyTo(EntityState current, Stamp stamp) {
        return ReparentRule.evolve(current, this, stamp);
    }

    @Override
    public EntityChange toChange(long entityVersion) {
        Components parent = Components.newBuilder().setParent(newParent).build();
        List<ComponentKind> removed = newParent == null ? List.of(ComponentKind.PARENT) : List.of();
        return new EntityChange(entityId, EntityChangeKind.REPARENTED, entityVersion, parent, removed);
    }
}
