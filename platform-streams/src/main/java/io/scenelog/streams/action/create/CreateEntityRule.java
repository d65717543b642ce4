package io.scenelog.streams.action.create;

import io.scenelog.model.CreateEntity;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.streams.action.OperationDecision;
import io.scenelog.streams.scene.ComponentRules;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.EntityStates;
import io.scenelog.streams.scene.Stamp;
import java.util.Optional;
import java.util.UUID;

/** CreateEntity: a new id (ENTITY_EXISTS otherwise) with valid components and, if given, an existing parent. */
public final class CreateEntityRule {

    private CreateEntityRule() {
    }

    /** Structural problems, independent of state (INVALID). */
    public static Optional<String> check(CreateEntity op) {
        if (op.getEntityId().equals(op.getComponents().getParent())) {
            return Optional.of("CreateEntity " + op.getEntityId() + ": an entity cannot be its own parent");
        }
        return ComponentRules.checkFull(op.getComponents())
                .map(problem -> "CreateEntity " + op.getEntityId() + ": " + problem);
    }

    /** Decides the operation against the space as staged so far. */
    public static OperationDecision decide(EntitySpace space, CreateEntity op) {
        UUID id = op.getEntityId();
        if (space.entity(id).isPresent()) {
            return OperationDecision.reject(ReasonCode.ENTITY_EXISTS, "CreateEntity: entity " + id + " exists");
        }
        UUID parent = op.getComponents().getParent();
        if (parent != null && space.entity(parent).isEmpty()) {
            return OperationDecision.reject(ReasonCode.UNKNOWN_ENTITY,
                    "CreateEntity " + id + ": parent " + parent + " does not exist");
        }
        return OperationDecision.accept(new EntityCreated(id, EntityStates.copy(op.getComponents())));
    }

    /** The new entity: version 1 with the given components. */
    public static EntityState evolve(EntityCreated event, Stamp stamp) {
        return EntityStates.next(event.entityId(), null, EntityStates.copy(event.components()), stamp);
    }
}
