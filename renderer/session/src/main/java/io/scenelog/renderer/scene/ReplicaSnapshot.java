package io.scenelog.renderer.scene;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A session's view of its scene at one version, as the render loop reads it: immutable once published (the entity
 * states in it are never changed; a later version is a new snapshot).
 *
 * @param sceneId  the scene
 * @param status   where the replica stands
 * @param version  the scene version shown
 * @param scene    the scene record (name, settings), empty before the bootstrap
 * @param session  the session's record (clients and roles), empty until the replica has read it
 * @param entities every entity the session sees (persisted, with its overlay's copies and entities on top), by id
 */
public record ReplicaSnapshot(UUID sceneId, ReplicaStatus status, long version, Optional<SceneRecord> scene,
        Optional<SessionRecord> session, Map<UUID, EntityState> entities) {

    public ReplicaSnapshot {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(session, "session");
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /** The snapshot of a replica that has not bootstrapped yet. */
    public static ReplicaSnapshot starting(UUID sceneId) {
        return new ReplicaSnapshot(sceneId, ReplicaStatus.STARTING, 0L, Optional.empty(), Optional.empty(),
                Map.of());
    }

    /** The same state with another status. */
    public ReplicaSnapshot withStatus(ReplicaStatus next) {
        return new ReplicaSnapshot(sceneId, next, version, scene, session, entities);
    }

    /** An entity the session sees. */
    public Optional<EntityState> entity(UUID entityId) {
        return Optional.ofNullable(entities.get(entityId));
    }

    /** The scene's settings (e.g. {@code skyColor}); empty before the bootstrap. */
    public Map<String, String> settings() {
        return scene.map(SceneRecord::getSettings).orElse(Map.of());
    }

    /** Version and a hash of the (entity id, entity version) pairs. */
    public SceneDigest digest() {
        return SceneDigest.of(version, entities.values());
    }
}
