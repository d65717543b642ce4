package io.scenelog.renderer.scene;

import io.scenelog.model.Components;
import io.scenelog.model.Emitter;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SessionSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scene records, entities and events for the replica's and the builder's tests. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Samples() {
    }

    public static SceneRecord scene(UUID sceneId, long version, Map<String, String> settings) {
        return SceneRecord.newBuilder().setSceneId(sceneId).setName("test").setSettings(settings)
                .setStatus(SceneStatus.ACTIVE).setVersion(version).setEntityCount(0).setCreatedAt(T0)
                .setUpdatedAt(T0).build();
    }

    public static Transform at(double x, double y, double z) {
        return new Transform(new Vec3(x, y, z), new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(1.0, 1.0, 1.0));
    }

    public static Components cube(Transform transform) {
        return Components.newBuilder().setTransform(transform)
                .setMesh(new MeshRef(null, PrimitiveShape.CUBE)).build();
    }

    public static EntityState entity(UUID sceneId, UUID sessionId, UUID entityId, long version, long sceneVersion,
            Components components) {
        return EntityState.newBuilder().setSceneId(sceneId).setEntityId(entityId).setSessionId(sessionId)
                .setVersion(version).setSceneVersion(sceneVersion).setComponents(components).setUpdatedAt(T0).build();
    }

    public static SessionSnapshot snapshot(UUID sceneId, UUID sessionId, long version, List<EntityState> persisted,
            List<EntityState> overlay) {
        return new SessionSnapshot(new SceneSnapshot(scene(sceneId, version, Map.of()), persisted), sessionId,
                overlay);
    }

    public static EntityChange change(UUID entityId, EntityChangeKind kind, long entityVersion, Components components) {
        return new EntityChange(entityId, kind, entityVersion, components, List.of());
    }

    public static SceneEvent event(UUID sceneId, long version, UUID sessionId, boolean persisted,
            EntityChange... changes) {
        return SceneEvent.newBuilder().setSceneId(sceneId).setVersion(version).setActionId(UUID.randomUUID())
                .setEmitter(new Emitter("client-1", Role.EDITOR, sessionId)).setPersisted(persisted)
                .setCommittedAt(T0).setChanges(List.of(changes)).build();
    }
}
