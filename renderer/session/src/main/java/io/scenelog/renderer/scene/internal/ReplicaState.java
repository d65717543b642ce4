package io.scenelog.renderer.scene.internal;

import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.scene.SceneRecords;
import io.scenelog.streams.scene.Stamp;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One session's view of its scene, changed event by event with the pipeline's own {@code evolve}: the persisted
 * entities and the session's overlay, kept apart as the pipeline keeps them (a transient change to a persisted entity
 * makes an overlay copy that shadows it). Not thread-safe: the follower's thread owns it and publishes immutable
 * snapshots of it.
 */
final class ReplicaState {

    /** What applying one event did. */
    public enum Outcome {
        /** The event was applied (or, a transient change of another session, counted and skipped). */
        APPLIED,
        /** The event is at or before the replica's version: seen already. */
        ALREADY_SEEN,
        /** The event is beyond the next version: one was missed; the replica must bootstrap again. */
        GAP,
        /** The event does not fit the state (an entity missing or at another version); bootstrap again. */
        INCONSISTENT
    }

    private final UUID sceneId;
    private final UUID sessionId;
    private final long bootstrapVersion;
    private final Map<UUID, EntityState> persisted = new HashMap<>();
    private final Map<UUID, EntityState> overlay = new HashMap<>();
    /** The scene version of the last session-state record per overlay entity: what a later tombstone removes. */
    private final Map<UUID, Long> overlayWrites = new HashMap<>();
    /** Overlay entities removed without an event, with the last scene version of the copy removed. */
    private final Map<UUID, Long> removedUpTo = new HashMap<>();
    private SceneRecord scene;
    private long version;
    private String lastProblem = "";

    private ReplicaState(UUID sceneId, UUID sessionId, SceneRecord scene) {
        this.sceneId = Objects.requireNonNull(sceneId, "sceneId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.scene = Objects.requireNonNull(scene, "scene");
        this.version = scene.getVersion();
        this.bootstrapVersion = version;
    }

    /** The state of a session snapshot, at its version. */
    public static ReplicaState of(SessionSnapshot snapshot) {
        SceneRecord scene = snapshot.scene().scene();
        ReplicaState state = new ReplicaState(scene.getSceneId(), snapshot.sessionId(), scene);
        for (EntityState entity : snapshot.scene().entities()) {
            state.persisted.put(entity.getEntityId(), entity);
        }
        for (EntityState entity : snapshot.overlay()) {
            state.overlay.put(entity.getEntityId(), entity);
        }
        return state;
    }

    /** The scene version of the last event applied (or of the bootstrap snapshot). */
    public long version() {
        return version;
    }

    /** The scene record as of the last event (settings, name). */
    public SceneRecord scene() {
        return scene;
    }

    /** Why the last {@link Outcome#GAP} or {@link Outcome#INCONSISTENT} happened, in words. */
    public String lastProblem() {
        return lastProblem;
    }

    /**
     * Applies the next committed event of the scene: persisted changes, and transient ones of this session only;
     * other sessions' transient events only advance the version. All changes of the event apply, or none.
     */
    public Outcome apply(SceneEvent event) {
        if (event.getVersion() <= version) {
            return Outcome.ALREADY_SEEN;
        }
        if (event.getVersion() != version + 1) {
            lastProblem = "scene " + sceneId + " jumped from version " + version + " to " + event.getVersion();
            return Outcome.GAP;
        }
        boolean own = !event.getPersisted() && sessionId.equals(event.getEmitter().getSessionId());
        if (event.getPersisted() || own) {
            Map<UUID, EntityState> staged = stage(event);
            if (staged == null) {
                return Outcome.INCONSISTENT;
            }
            commit(event, staged);
        }
        version = event.getVersion();
        scene = SceneRecords.afterCommit(scene, event);
        return Outcome.APPLIED;
    }

    /**
     * A record of this session's overlay from {@code session-state}. Entity values only remember their version (the
     * events carry the changes); a tombstone removes the overlay copy it deleted. That matters for the removals the
     * pipeline makes without an event (a client left, so its camera goes), and it is harmless for the others: the
     * copy removed is the one last written before the tombstone, never a newer copy the events created since.
     */
    public void overlayRecord(UUID entityId, EntityState value) {
        if (value != null) {
            overlayWrites.put(entityId, value.getSceneVersion());
            return;
        }
        // Nothing written since the replica started: the tombstone removes a copy from before the bootstrap.
        long removed = overlayWrites.getOrDefault(entityId, bootstrapVersion);
        removedUpTo.merge(entityId, removed, Math::max);
        EntityState mine = overlay.get(entityId);
        if (mine != null && mine.getSceneVersion() <= removed) {
            overlay.remove(entityId);
        }
    }

    /** A newer record of the scene (its settings may have changed). */
    public void sceneRecord(SceneRecord record) {
        if (record.getSceneId().equals(sceneId)) {
            // The version and entity count follow the events here, so only the metadata is taken.
            scene = SceneRecord.newBuilder(record).setVersion(scene.getVersion())
                    .setEntityCount(scene.getEntityCount()).build();
        }
    }

    /** What the session sees: the persisted entities with the overlay's copies and entities on top, by entity id. */
    public Map<UUID, EntityState> visible() {
        Map<String, EntityState> byText = new TreeMap<>();
        persisted.values().forEach(e -> byText.put(e.getEntityId().toString(), e));
        overlay.values().forEach(e -> byText.put(e.getEntityId().toString(), e));
        Map<UUID, EntityState> ordered = new LinkedHashMap<>();
        byText.values().forEach(e -> ordered.put(e.getEntityId(), e));
        return Collections.unmodifiableMap(ordered);
    }

    /** The entity states after the event's changes (null = deleted), or null when a change does not fit. */
    private Map<UUID, EntityState> stage(SceneEvent event) {
        boolean persistedEvent = event.getPersisted();
        Stamp stamp = new Stamp(sceneId, persistedEvent ? null : sessionId, event.getVersion(),
                event.getCommittedAt());
        Map<UUID, EntityState> staged = new LinkedHashMap<>();
        for (EntityChange change : event.getChanges()) {
            UUID id = change.getEntityId();
            EntityState current = staged.containsKey(id) ? staged.get(id) : current(id, persistedEvent);
            if (!persistedEvent && removedWithoutEvent(id, current, change, event.getVersion())) {
                continue;
            }
            if (current == null && change.getKind() != EntityChangeKind.CREATED) {
                lastProblem = "version " + event.getVersion() + " changes entity " + id + " (" + change.getKind()
                        + ") which the replica of scene " + sceneId + " does not have";
                return null;
            }
            EntityState next = ChangeEvents.of(change).applyTo(current, stamp);
            long nextVersion = next != null ? next.getVersion() : current.getVersion() + 1;
            if (nextVersion != change.getEntityVersion()) {
                lastProblem = "version " + event.getVersion() + " takes entity " + id + " to version "
                        + change.getEntityVersion() + ", the replica of scene " + sceneId + " to " + nextVersion;
                return null;
            }
            staged.put(id, next);
        }
        return staged;
    }

    private EntityState current(UUID id, boolean persistedEvent) {
        if (persistedEvent) {
            return persisted.get(id);
        }
        EntityState own = overlay.get(id);
        return own != null ? own : persisted.get(id);
    }

    /** A change to an overlay entity whose removal (a tombstone) the replica saw before this event. */
    private boolean removedWithoutEvent(UUID id, EntityState current, EntityChange change, long eventVersion) {
        Long removed = removedUpTo.get(id);
        return removed != null
                && (eventVersion <= removed || current == null && change.getKind() != EntityChangeKind.CREATED);
    }

    private void commit(SceneEvent event, Map<UUID, EntityState> staged) {
        Map<UUID, EntityState> target = event.getPersisted() ? persisted : overlay;
        for (Map.Entry<UUID, EntityState> write : staged.entrySet()) {
            if (write.getValue() == null) {
                target.remove(write.getKey());
                // A persisted entity that is deleted leaves the overlay too, as the pipeline removes its shadows.
                if (event.getPersisted()) {
                    overlay.remove(write.getKey());
                }
            } else {
                target.put(write.getKey(), write.getValue());
            }
        }
    }
}
