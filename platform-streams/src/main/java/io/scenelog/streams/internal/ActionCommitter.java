package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.action.ActionOutcome;
import io.scenelog.streams.action.Rejection;
import io.scenelog.streams.scene.SceneRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies an accepted action: checks the size of every output, then writes the stores (under the scene's lock, so
 * queries see whole actions) and sends the event, the entity states and the result.
 */
final class ActionCommitter {

    private final TaskStores stores;
    private final DedupLog dedup;
    private final Outputs outputs;
    private final SceneLocks locks;
    private final SceneRecordPublisher publisher;

    ActionCommitter(TaskStores stores, DedupLog dedup, Outputs outputs, SceneLocks locks,
            SceneRecordPublisher publisher) {
        this.stores = stores;
        this.dedup = dedup;
        this.outputs = outputs;
        this.locks = locks;
        this.publisher = publisher;
    }

    /**
     * @throws OversizedResultException after answering the action with a rejection, when an output is too large
     */
    void commit(SceneAction action, ActionOutcome.Committed committed, Instant now) {
        String sceneId = action.getSceneId().toString();
        Results.Sender sender = Results.Sender.of(action);
        ActionResult result = Results.accepted(sender, committed.event().getVersion(), now);
        Outputs.Batch batch = outputs.batch();
        batch.add(Sink.COMMITTED_EVENTS, sceneId, sceneId, committed.event());
        Sink stateSink = committed.persisted() ? Sink.PERSISTED_STATE : Sink.SESSION_OVERLAY;
        List<StateWrite> writes = new ArrayList<>(committed.writes().size());
        for (Map.Entry<UUID, EntityState> write : committed.writes().entrySet()) {
            String key = stateKey(action, committed, write.getKey());
            writes.add(new StateWrite(key, write.getValue(), batch.add(stateSink, sceneId, key, write.getValue())));
        }
        byte[] encodedResult = batch.add(Sink.ACTION_RESULTS, sceneId, sender.resultKey(), result);
        if (batch.oversized().isPresent()) {
            String problem = batch.oversized().get();
            ActionResult refused = Results.rejected(sender, new Rejection(ReasonCode.INVALID,
                    "the action's result is too large to commit (" + problem + "); split it into smaller actions"),
                    now);
            dedup.record(refused, outputs.send(Sink.ACTION_RESULTS, sceneId, sender.resultKey(), refused,
                    now.toEpochMilli()), true);
            throw new OversizedResultException("Action " + action.getActionId() + " on scene " + sceneId
                    + " was refused: " + problem);
        }
        List<String> shadowsRemoved = locks.writeAndReturn(sceneId, () -> writeStores(action, committed, writes));
        batch.forward(now.toEpochMilli());
        for (String shadow : shadowsRemoved) {
            outputs.send(Sink.SESSION_OVERLAY, sceneId, shadow, null, now.toEpochMilli());
        }
        dedup.record(result, encodedResult, true);
        publisher.changed(sceneId);
    }

    /** Writes the entities as sent to their topic (the same bytes), then the scene; returns the shadows removed. */
    private List<String> writeStores(SceneAction action, ActionOutcome.Committed committed, List<StateWrite> writes) {
        RecordStore<EntityState> entities = committed.persisted() ? stores.entities() : stores.overlay();
        for (StateWrite write : writes) {
            entities.put(write.key(), write.state(), write.encoded());
        }
        String sceneId = action.getSceneId().toString();
        SceneRecord scene = stores.scenes().get(sceneId);
        stores.scenes().put(sceneId, SceneRecords.afterCommit(scene, committed.event()));
        return committed.persisted() ? removeShadowsOfDeleted(action.getSceneId(), committed) : List.of();
    }

    /**
     * A persisted entity that is deleted leaves every session overlay too: a transient copy of it must not keep
     * it alive inside a session after the scene lost it.
     */
    private List<String> removeShadowsOfDeleted(UUID sceneId, ActionOutcome.Committed committed) {
        List<UUID> deleted = committed.event().getChanges().stream()
                .filter(c -> c.getKind() == EntityChangeKind.DELETED)
                .map(EntityChange::getEntityId).toList();
        if (deleted.isEmpty()) {
            return List.of();
        }
        List<SessionRecord> live = new StoreSceneState(stores, dedup, sceneId).sessions().stream()
                .filter(s -> s.getStatus() != SessionStatus.ENDED).toList();
        List<String> removed = new ArrayList<>();
        for (SessionRecord session : live) {
            for (UUID entityId : deleted) {
                String key = StateKeys.sessionEntity(session.getSessionId(), entityId);
                if (stores.overlay().delete(key)) {
                    removed.add(key);
                }
            }
        }
        return removed;
    }

    private static String stateKey(SceneAction action, ActionOutcome.Committed committed, UUID entityId) {
        return committed.persisted()
                ? StateKeys.sceneEntity(action.getSceneId(), entityId)
                : StateKeys.sessionEntity(committed.overlaySession(), entityId);
    }

    /**
     * An entity state to store under its key: null for a delete, with the bytes its topic received.
     *
     * @param key     the state key
     * @param state   the entity after the action, or null when deleted
     * @param encoded {@code state} as sent (null for a tombstone)
     */
    private record StateWrite(String key, EntityState state, byte[] encoded) {
    }
}
