package io.scenelog.streams.query;

import io.scenelog.model.EntityState;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the state of a scene, persisted or as a session sees it, from the running pipeline (Kafka Streams interactive
 * queries). Each scene lives on one instance, the owner of its partition; a query on another instance is forwarded
 * there over HTTP (each instance serves its stores on its {@code application.server} address). Thread-safe.
 */
public interface SceneStateQueries {

    /**
     * The scene at its current version.
     *
     * @return empty when the scene was never created or is deleted
     * @throws StateNotQueryableException when the owner cannot answer now (rebalancing, restoring, unreachable):
     *     try again shortly
     */
    Optional<SceneSnapshot> scene(UUID sceneId);

    /**
     * One persisted entity of a scene.
     *
     * @return empty when the scene or the entity does not exist
     * @throws StateNotQueryableException when the owner cannot answer now: try again shortly
     */
    Optional<EntityState> entity(UUID sceneId, UUID entityId);

    /**
     * The scene as a session sees it: its persisted entities and the session's overlay, both at the scene's current
     * version (never half an action). Whether a client may see the session is the caller's to check.
     *
     * @return empty when the scene was never created or is deleted; a snapshot with an empty overlay when the session
     *     has no overlay entities, does not exist, or belongs to another scene
     * @throws StateNotQueryableException when the owner cannot answer now: try again shortly
     */
    Optional<SessionSnapshot> session(UUID sceneId, UUID sessionId);

    /**
     * The scene's current version (its last committed event's), without reading its entities: cheap enough to ask
     * on every join.
     *
     * @return empty when the scene was never created or is deleted
     * @throws StateNotQueryableException when the owner cannot answer now: try again shortly
     */
    Optional<Long> sceneVersion(UUID sceneId);
}
