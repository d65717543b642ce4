package io.scenelog.streams.action.delete;

import io.scenelog.model.DeleteEntity;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.streams.action.OperationDecision;
import io.scenelog.streams.action.Preconditions;
import io.scenelog.streams.scene.EntityEvent;
import io.scenelog.streams.scene.EntitySpace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * DeleteEntity: an existing entity with the expected version; its descendants are deleted with it, each its own
 * event (the entity first, then descendants depth-first). A session overlay cannot delete persisted entities
 * (INVALID): transient actions never change persisted state, and an overlay has no way to hide a persisted entity
 * but {@code visible = false}.
 */
public final class DeleteEntityRule {

    private DeleteEntityRule() {
    }

    /** Decides the operation against the space as staged so far. */
    public static OperationDecision decide(EntitySpace space, DeleteEntity op) {
        Preconditions.Existing existing =
                Preconditions.existing(space, op.getEntityId(), op.getExpectedVersion(), "DeleteEntity");
        if (!existing.found()) {
            return existing.rejection();
        }
        List<EntityEvent> events = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Deque<UUID> pending = new ArrayDeque<>();
        pending.push(op.getEntityId());
        while (!pending.isEmpty()) {
            UUID id = pending.pop();
            if (!seen.add(id)) {
                continue; // a cycle in stored state must not loop forever; the rules never create one
            }
            if (space.shadowsPersisted(id)) {
                return OperationDecision.reject(ReasonCode.INVALID, "DeleteEntity " + op.getEntityId()
                        + ": entity " + id + " is persisted and cannot be deleted by a transient action"
                        + " (set visible=false in the session instead)");
            }
            events.add(new EntityDeleted(id));
            List<EntityState> children = space.children(id);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i).getEntityId());
            }
        }
        return OperationDecision.accept(events);
    }

    /** Nothing: the entity is gone. */
    public static EntityState evolve(EntityState current, EntityDeleted event) {
        return null;
    }
}
