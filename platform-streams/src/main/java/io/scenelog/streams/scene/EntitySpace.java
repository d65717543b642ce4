package io.scenelog.streams.scene;

import io.scenelog.model.EntityState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The entities an action reads and writes: a scene's persisted entities, or a session's view of them (its overlay
 * over the persisted scene). Read-only; decisions stage their changes in a {@link StagedSpace}.
 */
public interface EntitySpace {

    /** The entity as this space sees it, if it exists here. */
    Optional<EntityState> entity(UUID entityId);

    /** The entities whose parent is {@code entityId}, in no particular order. */
    List<EntityState> children(UUID entityId);

    /**
     * Whether the entity, in this space, stands in for a persisted entity that the space cannot delete: true in a
     * session overlay for persisted entities (a transient action cannot delete persisted state), false otherwise.
     */
    boolean shadowsPersisted(UUID entityId);
}
