package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of one task as its commit processor sees them ({@link CommitStores}).
 *
 * @param scenes   sceneId to the scene (as on {@code scenes})
 * @param entities sceneId/entityId to the persisted entity (as on {@code scene-state}; prefix-scannable per scene)
 * @param overlay  sessionId/entityId to a session's overlay entity (as on {@code session-state}; prefix-scannable
 *                 per session)
 * @param sessions sceneId/sessionId to the session (as on {@code sessions}; prefix-scannable per scene)
 * @param dedup    decided outcomes by actionId and by client sequence number, with an expiry index ({@link DedupLog})
 */
record TaskStores(RecordStore<SceneRecord> scenes, RecordStore<EntityState> entities,
        RecordStore<EntityState> overlay, RecordStore<SessionRecord> sessions, KeyValueStore<Bytes, byte[]> dedup) {

    /*
     * How many records each processor (one per task) keeps decoded: the scenes and sessions of a partition, and its
     * busiest entities. A decoded entity with its key takes about half a KiB (more with materials and tags), so a
     * task keeps one or two MiB.
     */
    private static final int SCENES_KEPT = 256;
    private static final int SESSIONS_KEPT = 256;
    private static final int ENTITIES_KEPT = 2048;
    private static final int OVERLAY_ENTITIES_KEPT = 512;

    /** The task's stores, with nothing decoded yet. */
    static TaskStores from(ProcessorContext<?, ?> context, SchemaRegistryClient registry) {
        return new TaskStores(
                new RecordStore<>(context.getStateStore(CommitStores.SCENES), Topics.SCENES, registry, SCENES_KEPT),
                new RecordStore<>(context.getStateStore(CommitStores.ENTITIES), Topics.SCENE_STATE, registry,
                        ENTITIES_KEPT),
                new RecordStore<>(context.getStateStore(CommitStores.OVERLAY), Topics.SESSION_STATE, registry,
                        OVERLAY_ENTITIES_KEPT),
                new RecordStore<>(context.getStateStore(CommitStores.SESSIONS), Topics.SESSIONS, registry,
                        SESSIONS_KEPT),
                context.getStateStore(CommitStores.DEDUP));
    }
}
