package io.scenelog.app.check;

import io.scenelog.app.support.SampleEvents;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.UpdateComponents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A correct, tiny stand-in for platform-streams (create and update only, always accepted) that produces the
 * checker's input; tests then break one guarantee at a time.
 */
final class MiniPipeline {

    final UUID sceneId = UUID.randomUUID();
    final Map<UUID, SceneAction> sent = new LinkedHashMap<>();
    final List<ActionResult> results = new ArrayList<>();
    final List<SceneEvent> events = new ArrayList<>();
    final Map<UUID, EntityState> state = new HashMap<>();

    /** Commits the action: one event, one ACCEPTED result, the state updated. */
    SceneEvent commit(SceneAction action) {
        sent.put(action.getActionId(), action);
        long version = events.size() + 1;
        Instant now = Instant.now();
        List<EntityChange> changes = new ArrayList<>();
        for (Object operation : action.getOperations()) {
            if (operation instanceof CreateEntity create) {
                changes.add(SampleEvents.change(create.getEntityId(), EntityChangeKind.CREATED, 1,
                        create.getComponents()));
                state.put(create.getEntityId(), state(create.getEntityId(), 1, version, create.getComponents()));
            } else if (operation instanceof UpdateComponents update) {
                EntityState before = state.get(update.getEntityId());
                changes.add(SampleEvents.change(update.getEntityId(), EntityChangeKind.UPDATED,
                        before.getVersion() + 1, update.getComponents()));
                Components merged = Components.newBuilder().setName(before.getComponents().getName())
                        .setTransform(update.getComponents().getTransform()).build();
                state.put(update.getEntityId(), state(update.getEntityId(), before.getVersion() + 1, version,
                        merged));
            }
        }
        SceneEvent event = SampleEvents.event(sceneId, version, action.getActionId(), action.getClientId(), now,
                changes);
        events.add(event);
        results.add(accepted(action, version));
        return event;
    }

    CheckInput input() {
        return new CheckInput(sceneId, sent, results, events, state);
    }

    ActionResult accepted(SceneAction action, long version) {
        return ActionResult.newBuilder()
                .setActionId(action.getActionId())
                .setSceneId(sceneId)
                .setSessionId(null)
                .setClientId(action.getClientId())
                .setClientSeq(action.getClientSeq())
                .setStatus(ActionStatus.ACCEPTED)
                .setReason(null)
                .setMessage("")
                .setSceneVersion(version)
                .setOriginalStatus(null)
                .setOriginalReason(null)
                .setDecidedAt(Instant.now())
                .build();
    }

    private EntityState state(UUID entityId, long entityVersion, long sceneVersion, Components components) {
        return EntityState.newBuilder().setSceneId(sceneId).setEntityId(entityId).setSessionId(null)
                .setVersion(entityVersion).setSceneVersion(sceneVersion).setComponents(components)
                .setUpdatedAt(Instant.now()).build();
    }
}
