package io.scenelog.edge.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.EntityState;

/**
 * The REST {@code Entity} body of a persisted entity: {@code {"id", "sceneId", "version", "sceneVersion",
 * "updatedAt", "components"}}. The state's {@code sessionId} is left out: the REST API serves persisted scene
 * state, where it is always null.
 */
public final class EntityJson {

    private EntityJson() {
    }

    /** The entity as JSON; {@code updatedAt} in RFC 3339 UTC ({@code Instant.toString()}). */
    public static ObjectNode write(EntityState state) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", state.getEntityId().toString());
        out.put("sceneId", state.getSceneId().toString());
        out.put("version", state.getVersion());
        out.put("sceneVersion", state.getSceneVersion());
        out.put("updatedAt", state.getUpdatedAt().toString());
        out.set("components", ComponentsJson.write(state.getComponents()));
        return out;
    }
}
