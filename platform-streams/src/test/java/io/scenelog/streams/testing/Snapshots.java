package io.scenelog.streams.testing;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.streams.query.SceneSnapshot;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scene records, entity states and snapshots as the state queries return them, for tests of the query API. */
public final class Snapshots {

    private Snapshots() {
    }

    /** An active scene at a version with the given persisted entities. */
    public static SceneSnapshot scene(UUID sceneId, long version, EntityState... entities) {
        SceneRecord record = SceneRecord.newBuilder()
                .setSceneId(sceneId)
                .setName("scene " + sceneId)
                .setSettings(Map.of())
                .setStatus(SceneStatus.ACTIVE)
                .setVersion(version)
                .setEntityCount(entities.length)
                .setCreatedAt(Fixtures.T0)
                .setUpdatedAt(Fixtures.T0)
                .build();
        return new SceneSnapshot(record, List.of(entities));
    }

    /** A persisted entity (no session), a named cube. */
    public static EntityState persisted(UUID sceneId, UUID entityId) {
        return entity(sceneId, entityId, null);
    }

    /** A session's overlay entity, a named cube. */
    public static EntityState overlay(UUID sceneId, UUID entityId, UUID sessionId) {
        return entity(sceneId, entityId, sessionId);
    }

    private static EntityState entity(UUID sceneId, UUID entityId, UUID sessionId) {
        return EntityState.newBuilder()
                .setSceneId(sceneId)
                .setEntityId(entityId)
                .setSessionId(sessionId)
                .setVersion(1)
                .setSceneVersion(1)
                .setComponents(Fixtures.cube(sessionId == null ? "persisted" : "overlay of " + sessionId))
                .setUpdatedAt(Fixtures.T0)
                .build();
    }
}
