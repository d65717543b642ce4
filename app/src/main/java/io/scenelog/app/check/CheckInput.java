package io.scenelog.app.check;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the checker compares, for one scene: what a driver sent, and what the platform committed.
 *
 * @param sceneId the scene
 * @param sent    the actions the driver sent, by actionId (results of anything else are not judged)
 * @param results the scene's action results, in log order
 * @param events  the scene's committed events from the beginning of the log, in log order
 * @param state   the scene's entities in {@code scene-state} (latest value per key, tombstones removed), by entity
 */
public record CheckInput(UUID sceneId, Map<UUID, SceneAction> sent, List<ActionResult> results,
        List<SceneEvent> events, Map<UUID, EntityState> state) {

    /** Copies the collections, so a check judges a fixed snapshot. */
    public CheckInput {
        Objects.requireNonNull(sceneId, "sceneId");
        sent = Map.copyOf(sent);
        results = List.copyOf(results);
        events = List.copyOf(events);
        state = Map.copyOf(state);
    }
}
