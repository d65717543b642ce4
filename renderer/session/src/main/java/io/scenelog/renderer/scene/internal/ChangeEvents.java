package io.scenelog.renderer.scene.internal;

import io.scenelog.model.EntityChange;
import io.scenelog.streams.action.create.EntityCreated;
import io.scenelog.streams.action.delete.EntityDeleted;
import io.scenelog.streams.action.remove.ComponentsRemoved;
import io.scenelog.streams.action.reparent.EntityReparented;
import io.scenelog.streams.action.update.ComponentsUpdated;
import io.scenelog.streams.scene.EntityEvent;

/**
 * Reads a committed {@link EntityChange} back as the pipeline's own {@link EntityEvent}, so that a replica applies it
 * with the pipeline's pure {@code evolve} (the same merge that produced {@code scene-state}) instead of a copy of it.
 */
final class ChangeEvents {

    private ChangeEvents() {
    }

    /** The event the change records; a kind newer than this reader is read as UPDATED by Avro already. */
    static EntityEvent of(EntityChange change) {
        return switch (change.getKind()) {
            case CREATED -> new EntityCreated(change.getEntityId(), change.getComponents());
            case UPDATED -> new ComponentsUpdated(change.getEntityId(), change.getComponents());
            case COMPONENTS_REMOVED -> new ComponentsRemoved(change.getEntityId(), change.getRemoved());
            case DELETED -> new EntityDeleted(change.getEntityId());
            case REPARENTED -> new EntityReparented(change.getEntityId(), change.getComponents().getParent());
        };
    }
}
