package io.scenelog.streams.action;

import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.streams.scene.EntitySpace;
import java.util.Optional;
import java.util.UUID;

/** The checks every operation on an existing entity shares: it exists, and it has the version the client expects. */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * @return the entity, or the rejection: UNKNOWN_ENTITY when it does not exist, VERSION_CONFLICT when
     *     {@code expectedVersion} is given and differs
     */
    public static Existing existing(EntitySpace space, UUID entityId, Long expectedVersion, String operation) {
        Optional<EntityState> entity = space.entity(entityId);
        if (entity.isEmpty()) {
            return new Existing(null, OperationDecision.reject(ReasonCode.UNKNOWN_ENTITY,
                    operation + ": entity " + entityId + " does not exist"));
        }
        if (expectedVersion != null && expectedVersion != entity.get().getVersion()) {
            return new Existing(null, OperationDecision.reject(ReasonCode.VERSION_CONFLICT,
                    operation + ": entity " + entityId + " is at version " + entity.get().getVersion()
                            + ", the action expected " + expectedVersion));
        }
        return new Existing(entity.get(), null);
    }

    /**
     * An entity found, or the rejection.
     *
     * @param entity    the entity, null when rejected
     * @param rejection the rejection, null when found
     */
    public record Existing(EntityState entity, OperationDecision rejection) {

        /** Whether the entity was found with the expected version. */
        public boolean found() {
            return rejection == null;
        }
    }
}
