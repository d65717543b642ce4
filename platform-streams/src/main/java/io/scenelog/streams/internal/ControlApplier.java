package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.control.ControlEvent;
import io.scenelog.streams.control.ControlEvolution;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Applies the events of an accepted control command to the stores and topics: the scene or session record, and
 * what goes with it: a deleted scene's persisted entities, an ended session's overlay, a departed client's cameras
 * are all tombstoned.
 */
final class ControlApplier {

    private final TaskStores stores;
    private final Outputs outputs;
    private final SceneLocks locks;
    private final LiveSessions live;

    ControlApplier(TaskStores stores, Outputs outputs, SceneLocks locks, LiveSessions live) {
        this.stores = stores;
        this.outputs = outputs;
        this.locks = locks;
        this.live = live;
    }

    /** Applies the events of a command in order. */
    void apply(SceneControl command, List<ControlEvent> events, long timestamp) {
        apply(command.getSceneId(), events, timestamp);
    }

    /** Applies events about one scene (or its sessions) in order. */
    void apply(UUID sceneId, List<ControlEvent> events, long timestamp) {
        for (ControlEvent event : events) {
            if (event instanceof ControlEvent.SessionEvent sessionEvent) {
                applySession(sceneId, sessionEvent, timestamp);
            } else {
                applyScene(sceneId, event, timestamp);
            }
        }
    }

    private void applyScene(UUID sceneId, ControlEvent event, long timestamp) {
        String key = sceneId.toString();
        List<String> tombstones = locks.writeAndReturn(key, () -> {
            SceneRecord next = ControlEvolution.scene(stores.scenes().get(key), event);
            stores.scenes().put(key, next);
            return event instanceof ControlEvent.SceneDeleted ? deleteAll(stores.entities(), sceneId) : List.of();
        });
        outputs.send(Sink.SCENE_RECORDS, key, key, stores.scenes().get(key), timestamp);
        for (String tombstone : tombstones) {
            outputs.send(Sink.PERSISTED_STATE, key, tombstone, null, timestamp);
        }
    }

    private void applySession(UUID sceneId, ControlEvent.SessionEvent event, long timestamp) {
        String storeKey = StoreSceneState.sessionKey(sceneId, event.sessionId());
        SessionRecord next = ControlEvolution.session(stores.sessions().get(storeKey), event);
        String scene = sceneId.toString();
        // Under the scene's lock like an action's writes, so a session query sees all or none of the overlay
        // entities a command drops.
        List<String> tombstones = locks.writeAndReturn(scene, () -> {
            stores.sessions().put(storeKey, next);
            return droppedOverlay(event);
        });
        live.written(next);
        outputs.send(Sink.SESSION_LIFECYCLE, scene, event.sessionId().toString(), next, timestamp);
        for (String tombstone : tombstones) {
            outputs.send(Sink.SESSION_OVERLAY, scene, tombstone, null, timestamp);
        }
    }

    private List<String> droppedOverlay(ControlEvent.SessionEvent event) {
        if (event instanceof ControlEvent.SessionEnded) {
            return delete(stores.overlay(), event.sessionId(), entity -> true);
        } else if (event instanceof ControlEvent.ClientLeftSession left) {
            return delete(stores.overlay(), event.sessionId(), entity -> ownedBy(entity, left.clientId()));
        }
        return List.of();
    }

    private static boolean ownedBy(EntityState entity, String clientId) {
        return entity.getComponents().getCamera() != null
                && clientId.equals(entity.getComponents().getCamera().getOwnerClientId());
    }

    private static List<String> deleteAll(RecordStore<EntityState> store, UUID owner) {
        return delete(store, owner, entity -> true);
    }

    private static List<String> delete(RecordStore<EntityState> store, UUID owner, Predicate<EntityState> which) {
        List<String> keys = new ArrayList<>();
        for (EntityState entity : store.scan(StateKeys.prefix(owner))) {
            if (which.test(entity)) {
                keys.add(StateKeys.prefix(owner) + entity.getEntityId());
            }
        }
        keys.forEach(store::delete);
        return keys;
    }
}
