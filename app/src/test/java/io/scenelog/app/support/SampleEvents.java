package io.scenelog.app.support;

import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.Emitter;
import io.scenelog.model.Quat;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Committed events and components for tests, built the way platform-streams writes them. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** A transform at (x, y, z) with identity rotation and unit scale. */
    public static Transform at(double x, double y, double z) {
        return Transform.newBuilder()
                .setPosition(new Vec3(x, y, z))
                .setRotation(new Quat(0.0, 0.0, 0.0, 1.0))
                .setScale(new Vec3(1.0, 1.0, 1.0))
                .build();
    }

    /** Components holding only a transform. */
    public static Components transform(Transform transform) {
        return Components.newBuilder().setTransform(transform).build();
    }

    /** A change of one entity. */
    public static EntityChange change(UUID entityId, EntityChangeKind kind, long entityVersion,
            Components components) {
        return EntityChange.newBuilder().setEntityId(entityId).setKind(kind).setEntityVersion(entityVersion)
                .setComponents(components).setRemoved(List.of()).build();
    }

    /** A persisted event of an editor without a session. */
    public static SceneEvent event(UUID sceneId, long version, String clientId, Instant committedAt,
            List<EntityChange> changes) {
        return event(sceneId, version, UUID.randomUUID(), clientId, committedAt, changes);
    }

    /** A persisted event of an editor without a session, committing the action {@code actionId}. */
    public static SceneEvent event(UUID sceneId, long version, UUID actionId, String clientId, Instant committedAt,
            List<EntityChange> changes) {
        return SceneEvent.newBuilder()
                .setSceneId(sceneId)
                .setVersion(version)
                .setActionId(actionId)
                .setEmitter(Emitter.newBuilder().setClientId(clientId).setRole(Role.EDITOR).setSessionId(null)
                        .build())
                .setPersisted(true)
                .setCommittedAt(committedAt)
                .setChanges(changes)
                .build();
    }
}
