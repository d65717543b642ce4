package io.scenelog.streams.action.update;

import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.UpdateComponents;
import io.scenelog.streams.action.OperationDecision;
import io.scenelog.streams.action.Preconditions;
import io.scenelog.streams.scene.ComponentRules;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.EntityStates;
import io.scenelog.streams.scene.Stamp;
import java.util.Optional;

/** UpdateComponents: an existing entity, the expected version, a non-empty partial set without parent. */
public final class UpdateComponentsRule {

    private UpdateComponentsRule() {
    }

    /** Structural problems, independent of state (INVALID). */
    public static Optional<String> check(UpdateComponents op) {
        return ComponentRules.checkPartial(op.getComponents())
                .map(problem -> "UpdateComponents " + op.getEntityId() + ": " + problem);
    }

    /** Decides the operation against the space as staged so far. */
    public static OperationDecision decide(EntitySpace space, UpdateComponents op) {
        Preconditions.Existing existing =
                Preconditions.existing(space, op.getEntityId(), op.getExpectedVersion(), "UpdateComponents");
        if (!existing.found()) {
            return existing.rejection();
        }
        return OperationDecision.accept(
                new ComponentsUpdated(op.getEntityId(), EntityStates.copy(op.getComponents())));
    }

    /** The entity with each set component replaced as a whole; the others kept. */
    public static EntityState evolve(EntityState current, ComponentsUpdated event, Stamp stamp) {
        Components merged = EntityStates.copy(current.getComponents());
        Components set = EntityStates.copy(event.components());
        if (set.getName() != null) {
            merged.setName(set.getName());
        }
        if (set.getTransform() != null) {
            merged.setTransform(set.getTransform());
        }
        if (set.getMesh() != null) {
            merged.setMesh(set.getMesh());
        }
        if (set.getMaterial() != null) {
            merged.setMaterial(set.getMaterial());
        }
        if (set.getCamera() != null) {
            merged.setCamera(set.getCamera());
        }
        if (set.getLight() != null) {
            merged.setLight(set.getLight());
        }
        if (set.getTags() != null) {
            merged.setTags(set.getTags());
        }
        if (set.getVisible() != null) {
            merged.setVisible(set.getVisible());
        }
        return EntityStates.next(current.getEntityId(), current, merged, stamp);
    }
}
