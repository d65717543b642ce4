package io.scenelog.app.support;

import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Scene actions for tests, as a simulation writes them. */
public final class SampleActions {

    private SampleActions() {
    }

    /** An action creating one entity with a transform. */
    public static SceneAction create(UUID sceneId, String clientId, long clientSeq, UUID entityId,
            Transform transform) {
        return create(sceneId, clientId, clientSeq, entityId, transform, "test-token");
    }

    /** An action creating one entity with a transform, with a real token. */
    public static SceneAction create(UUID sceneId, String clientId, long clientSeq, UUID entityId,
            Transform transform, String token) {
        return action(sceneId, clientId, clientSeq, token, List.of(CreateEntity.newBuilder().setEntityId(entityId)
                .setComponents(Components.newBuilder().setName("body").setTransform(transform).build()).build()));
    }

    /** An action moving one entity. */
    public static SceneAction move(UUID sceneId, String clientId, long clientSeq, UUID entityId,
            Transform transform) {
        return move(sceneId, clientId, clientSeq, entityId, transform, "test-token");
    }

    /** An action moving one entity, with a real token. */
    public static SceneAction move(UUID sceneId, String clientId, long clientSeq, UUID entityId,
            Transform transform, String token) {
        return action(sceneId, clientId, clientSeq, token, List.of(UpdateComponents.newBuilder().setEntityId(entityId)
                .setComponents(Components.newBuilder().setTransform(transform).build()).setExpectedVersion(null)
                .build()));
    }

    private static SceneAction action(UUID sceneId, String clientId, long clientSeq, String token,
            List<Object> operations) {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setSessionId(null)
                .setClientId(clientId)
                .setToken(token)
                .setClientSeq(clientSeq)
                .setSentAt(Instant.now())
                .setPersist(true)
                .setOperations(operations)
                .build();
    }
}
