package io.scenelog.streams.query;

import io.scenelog.model.EntityState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A scene as one session sees it, at one scene version: the persisted scene and the session's overlay, both read
 * after the same last committed action and never half of one. A client that starts from it follows
 * {@code scene-events} from {@code version() + 1}, applying persisted events and its own session's transient ones.
 *
 * @param scene     the persisted scene
 * @param sessionId the session whose overlay this is
 * @param overlay   the session's overlay entities (each with {@link EntityState#getSessionId()} set to
 *                  {@code sessionId}), in entity-id order; empty when the session has none, or does not exist in
 *                  this scene
 */
public record SessionSnapshot(SceneSnapshot scene, UUID sessionId, List<EntityState> overlay) {

    /**
     * @throws IllegalArgumentException when an overlay entity belongs to another session or scene
     */
    public SessionSnapshot {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(sessionId, "sessionId");
        overlay = List.copyOf(overlay);
        UUID sceneId = scene.scene().getSceneId();
        for (EntityState entity : overlay) {
            if (!sessionId.equals(entity.getSessionId()) || !sceneId.equals(entity.getSceneId())) {
                throw new IllegalArgumentException("Overlay entity " + entity.getEntityId() + " belongs to session "
                        + entity.getSessionId() + " of scene " + entity.getSceneId() + ", not to session "
                        + sessionId + " of scene " + sceneId);
            }
        }
    }

    /** The scene version both the persisted entities and the overlay are at. */
    public long version() {
        return scene.version();
    }

    /**
     * What the session sees: every persisted entity, except that an overlay entity with the same id replaces it,
     * plus the overlay's own entities (a client's camera, a transient creation). Ordered by entity id (the text of
     * the UUID, which is the state stores' key order), so the order does not depend on which list an entity came
     * from. Overlay entities are recognisable by their non-null {@link EntityState#getSessionId()}.
     */
    public List<EntityState> visibleEntities() {
        Map<String, EntityState> byId = new TreeMap<>();
        for (EntityState persisted : scene.entities()) {
            byId.put(persisted.getEntityId().toString(), persisted);
        }
        for (EntityState own : overlay) {
            byId.put(own.getEntityId().toString(), own);
        }
        return List.copyOf(byId.values());
    }
}
