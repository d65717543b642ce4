package io.scenelog.streams.action.reparent;

import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Reparent;
import io.scenelog.streams.action.OperationDecision;
import io.scenelog.streams.action.Preconditions;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.EntityStates;
import io.scenelog.streams.scene.Stamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reparent: an existing entity with the expected version, and a new parent that exists (UNKNOWN_ENTITY otherwise,
 * as for CreateEntity) and is not the entity or one of its descendants (INVALID: a cycle).
 */
public final class ReparentRule {

    private ReparentRule() {
    }

    /** Structural problems, independent of state (INVALID). */
    public static Optional<String> check(Reparent op) {
        return op.getEntityId().equals(op.getNewParent())
                ? Optional.of("Reparent " + op.getEntityId() + ": an entity cannot be its own parent")
                : Optional.empty();
    }

    /** Decides the operation against the space as staged so far. */
    public static OperationDecision decide(EntitySpace space, Reparent op) {
        UUID id = op.getEntityId();
        Preconditions.Existing existing = Preconditions.existing(space, id, op.getExpectedVersion(), "Reparent");
        if (!existing.found()) {
            return existing.rejection();
        }
        UUID newParent = op.getNewParent();
        if (newParent != null) {
            if (space.entity(newParent).isEmpty()) {
                return OperationDecision.reject(ReasonCode.UNKNOWN_ENTITY,
                        "Reparent " + id + ": new parent " + newParent + " does not exist");
            }
            if (isAncestorOrSelf(space, id, newParent)) {
                return OperationDecision.reject(ReasonCode.INVALID,
                        "Reparent " + id + ": " + newParent + " is a descendant of it; the move would make a cycle");
            }
        }
        return OperationDecision.accept(new EntityReparented(id, newParent));
    }

    /** The entity with its new parent; every other component kept. */
    public static EntityState evolve(EntityState current, EntityReparented event, Stamp stamp) {
        Components components = EntityStates.copy(current.getComponents());
        components.setParent(event.newParent());
        return EntityStates.next(current.getEntityId(), current, components, stamp);
    }

    private static boolean isAncestorOrSelf(EntitySpace space, UUID ancestor, UUID start) {
        Set<UUID> visited = new HashSet<>();
        UUID current = start;
        while (current != null && visited.add(current)) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = space.entity(current).map(e -> e.getComponents().getParent()).orElse(null);
        }
        return false;
    }
}
