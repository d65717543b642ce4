package io.scenelog.livelink.client;

import io.scenelog.model.EntityState;
import java.util.List;

/**
 * The answer to an entity-state query, all its parts gathered: the entities as the client's session
 * sees them, consistent at {@code sceneVersion} (apply events with a greater version on top of it).
 *
 * @param sceneVersion the scene version the answer is consistent at
 * @param entities the entities found, in the bridge's order (those asked for that do not exist are absent)
 */
public record EntitySnapshot(long sceneVersion, List<EntityState> entities) {

    /** Keeps an unmodifiable copy of the list. */
    public EntitySnapshot {
        entities = List.copyOf(entities);
    }
}
