package io.scenelog.streams.action.remove;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.RemoveComponents;
import io.scenelog.streams.action.OperationDecision;
import io.scenelog.streams.action.Preconditions;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.EntityStates;
import io.scenelog.streams.scene.Stamp;
import java.util.List;
import java.util.Optional;

/**
 * RemoveComponents: an existing entity, the expected version, at least one kind, never PARENT (use Reparent) and
 * never UNKNOWN (a kind newer than this platform: the writer was upgraded before platform-streams). Removing a
 * component the entity lacks is not an error.
 */
public final class RemoveComponentsRule {

    private RemoveComponentsRule() {
    }

    /** Structural problems, independent of state (INVALID). */
    public static Optional<String> check(RemoveComponents op) {
        String prefix = "RemoveComponents " + op.getEntityId() + ": ";
        if (op.getKinds().isEmpty()) {
            return Optional.of(prefix + "names no component to remove");
        }
        if (op.getKinds().contains(ComponentKind.PARENT)) {
            return Optional.of(prefix + "cannot remove the parent; use Reparent to the root");
        }
        if (op.getKinds().contains(ComponentKind.UNKNOWN)) {
            return Optional.of(prefix + "names a component kind this platform does not know (UNKNOWN)");
        }
        return Optional.empty();
    }

    /** Decides the operation against the space as staged so far. */
    public static OperationDecision decide(EntitySpace space, RemoveComponents op) {
        Preconditions.Existing existing =
                Preconditions.existing(space, op.getEntityId(), op.getExpectedVersion(), "RemoveComponents");
        if (!existing.found()) {
            return existing.rejection();
        }
        List<ComponentKind> kinds = op.getKinds().stream().distinct().toList();
        return OperationDecision.accept(new ComponentsRemoved(op.getEntityId(), kinds));
    }

    /** The entity without the removed components. */
    public static EntityState evolve(EntityState current, ComponentsRemoved event, Stamp stamp) {
        Components kept = EntityStates.copy(current.getComponents());
        for (ComponentKind kind : event.kinds()) {
            switch (kind) {
                case NAME -> kept.setName(null);
                case TRANSFORM -> kept.setTransform(null);
                case MESH -> kept.setMesh(null);
                case MATERIAL -> kept.setMaterial(null);
                case CAMERA -> kept.setCamera(null);
                case LIGHT -> kept.setLight(null);
                case TAGS -> kept.setTags(null);
                case VISIBLE -> kept.setVisible(null);
                default -> throw new IllegalArgumentException(
                        "ComponentsRemoved cannot remove " + kind + " (refused by check)");
            }
        }
        return EntityStates.next(current.getEntityId(), current, kept, stamp);
    }
}
