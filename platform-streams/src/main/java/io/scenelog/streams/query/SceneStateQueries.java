package io.scenelog.streams.query;

import io.scenelog.model.EntityState;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the persisted state of a scene from the running pipeline (Kafka Streams interactive queries). Each scene
 * lives on one instance, the owner of its partition; a query on another instance is forwarded there over HTTP
 * (each instance serves its stores on its {@code application.server} address). Thread-safe.
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
}
