package io.scenelog.streams.action;

import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.UpdateComponents;
import io.scenelog.streams.action.create.CreateEntityRule;
import io.scenelog.streams.action.delete.DeleteEntityRule;
import io.scenelog.streams.action.remove.RemoveComponentsRule;
import io.scenelog.streams.action.reparent.ReparentRule;
import io.scenelog.streams.action.update.UpdateComponentsRule;
import io.scenelog.streams.scene.EntitySpace;
import java.util.Optional;

/** Routes each operation of an action to the rule of its kind. */
final class OperationRules {

    private OperationRules() {
    }

    /** Structural problems of one operation, independent of state. */
    static Optional<String> check(Object operation) {
        if (operation instanceof CreateEntity op) {
            return CreateEntityRule.check(op);
        }
        if (operation instanceof UpdateComponents op) {
            return UpdateComponentsRule.check(op);
        }
        if (operation instanceof RemoveComponents op) {
            return RemoveComponentsRule.check(op);
        }
        if (operation instanceof Reparent op) {
            return ReparentRule.check(op);
        }
        if (operation instanceof DeleteEntity) {
            return Optional.empty();
        }
        return Optional.of("unknown operation type " + typeOf(operation));
    }

    /** The decision of one operation against the space as staged so far; {@link #check} passed before. */
    static OperationDecision decide(EntitySpace space, Object operation) {
        if (operation instanceof CreateEntity op) {
            return CreateEntityRule.decide(space, op);
        }
        if (operation instanceof UpdateComponents op) {
            return UpdateComponentsRule.decide(space, op);
        }
        if (operation instanceof RemoveComponents op) {
            return RemoveComponentsRule.decide(space, op);
        }
        if (operation instanceof Reparent op) {
            return ReparentRule.decide(space, op);
        }
        if (operation instanceof DeleteEntity op) {
            return DeleteEntityRule.decide(space, op);
        }
        throw new IllegalArgumentException("Operation type " + typeOf(operation) + " passed check but has no rule");
    }

    private static String typeOf(Object operation) {
        return operation == null ? "null" : operation.getClass().getSimpleName();
    }
}
