package io.scenelog.bridge;

import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.Quat;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the actions the tests send, as one client of one session (the bridge stamps the token). */
final class Actions {

    private final UUID sceneId;
    private final UUID sessionId;
    private final String clientId;
    private final AtomicLong sequence = new AtomicLong();

    Actions(UUID sceneId, UUID sessionId, String clientId) {
        this.sceneId = sceneId;
        this.sessionId = sessionId;
        this.clientId = clientId;
    }

    /** The actions of a joined client. */
    static Actions of(RestCalls.Joined client) {
        return new Actions(client.sceneId(), client.sessionId(), client.clientId());
    }

    /** Creates a named entity. */
    SceneAction create(UUID entityId, String name, boolean persist) {
        return action(new CreateEntity(entityId, Components.newBuilder().setName(name).build()), persist);
    }

    /** Moves an entity. */
    SceneAction move(UUID entityId, double x, boolean persist) {
        Transform transform = new Transform(new Vec3(x, 0.0, 0.0), new Quat(0.0, 0.0, 0.0, 1.0),
                new Vec3(1.0, 1.0, 1.0));
        return action(new UpdateComponents(entityId, Components.newBuilder().setTransform(transform).build(), null),
                persist);
    }

    /** An action with one operation. */
    SceneAction action(Object operation, boolean persist) {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setSessionId(sessionId)
                .setClientId(clientId)
                .setToken("")
                .setClientSeq(sequence.incrementAndGet())
                .setSentAt(Instant.now())
                .setPersist(persist)
                .setOperations(List.of(operation))
                .build();
    }
}
