package io.scenelog.livelink.client;

import io.scenelog.livelink.client.internal.ComponentChanges;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.ScenelogSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A local copy of the scene as one session sees it: seeded from an entity-state query answer, then kept up
 * to date by applying the session's events in version order. Pure (no I/O, no clock): feed it with {@link
 * #seed} and {@link #apply}.
 *
 * <p>Versions: the mirror is consistent at {@link #version()}. An event with a version at or below it is
 * already contained (a resent or replayed event, or one the query answer already included) and is dropped
 * and counted in {@link #duplicatesDropped()}. An event more than one version ahead is applied: versions
 * legitimately skip other sessions' transient events, so a skip is no error; {@link #versionsSkipped()}
 * counts the versions passed over, for diagnostics only.
 *
 * <p>Changes apply as the SceneEvent schema says: CREATED sets the full set of components, UPDATED sets
 * the components given (null = unchanged), COMPONENTS_REMOVED removes the kinds listed, REPARENTED sets the
 * parent (or clears it when {@code removed} holds PARENT), DELETED removes the entity. A change to an
 * entity the mirror does not hold (other than CREATED) creates it from what the change carries and is
 * counted in {@link #unknownEntityChanges()}: the mirror missed something, most likely a seed that did
 * not cover every entity.
 *
 * <p>Thread-safe: every method is synchronized, and what it returns is a copy.
 */
public final class SceneMirror {

    static {
        // Copies of records instantiate nested generated records by name, which Avro 1.12 forbids by default.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private final Map<UUID, EntityState> entities = new LinkedHashMap<>();
    private long version;
    private long duplicatesDropped;
    private long versionsSkipped;
    private long unknownEntityChanges;
    private long eventsApplied;

    /** An empty mirror at version 0 (a scene without events). */
    public SceneMirror() {
    }

    /** A mirror seeded from a query answer. */
    public static SceneMirror of(EntitySnapshot snapshot) {
        SceneMirror mirror = new SceneMirror();
        mirror.seed(snapshot);
        return mirror;
    }

    /**
     * Replaces the whole state with a query answer (after a Welcome FRESH or RESET): the mirror is then
     * consistent at the answer's sceneVersion.
     */
    public synchronized void seed(EntitySnapshot snapshot) {
        entities.clear();
        for (EntityState entity : snapshot.entities()) {
            entities.put(entity.getEntityId(), EntityState.newBuilder(entity).build());
        }
        version = snapshot.sceneVersion();
    }

    /**
     * Applies one event.
     *
     * @return true when applied, false when dropped as already contained (version at or below {@link
     *     #version()})
     */
    public synchronized boolean apply(SceneEvent event) {
        if (event.getVersion() <= version) {
            duplicatesDropped++;
            return false;
        }
        versionsSkipped += event.getVersion() - version - 1;
        for (EntityChange change : event.getChanges()) {
            applyChange(event, change);
        }
        version = event.getVersion();
        eventsApplied++;
        return true;
    }

    /** The scene version the mirror is consistent at. */
    public synchronized long version() {
        return version;
    }

    /** A copy of one entity, if the mirror holds it. */
    public synchronized Optional<EntityState> entity(UUID entityId) {
        EntityState entity = entities.get(entityId);
        return entity == null ? Optional.empty() : Optional.of(EntityState.newBuilder(entity).build());
    }

    /** A copy of every entity, by id, in the order they appeared. */
    public synchronized Map<UUID, EntityState> entities() {
        Map<UUID, EntityState> copy = new LinkedHashMap<>();
        entities.forEach((id, entity) -> copy.put(id, EntityState.newBuilder(entity).build()));
        return copy;
    }

    /** How many entities the mirror holds. */
    public synchronized int size() {
        return entities.size();
    }

    /** How many events were applied. */
    public synchronized long eventsApplied() {
        return eventsApplied;
    }

    /** How many events were dropped because the mirror already contained them. */
    public synchronized long duplicatesDropped() {
        return duplicatesDropped;
    }

    /** How many versions the applied events passed over (other sessions' transient events; not an error). */
    public synchronized long versionsSkipped() {
        return versionsSkipped;
    }

    /** How many changes named an entity the mirror did not hold. */
    public synchronized long unknownEntityChanges() {
        return unknownEntityChanges;
    }

    private void applyChange(SceneEvent event, EntityChange change) {
        UUID id = change.getEntityId();
        switch (change.getKind()) {
            case CREATED -> entities.put(id, created(event, change));
            case DELETED -> entities.remove(id);
            default -> {
                EntityState existing = entities.get(id);
                if (existing == null) {
                    unknownEntityChanges++;
                    entities.put(id, created(event, change));
                    return;
                }
                ComponentChanges.merge(existing.getComponents(), change.getComponents());
                ComponentChanges.remove(existing.getComponents(), change.getRemoved());
                existing.setVersion(change.getEntityVersion());
                existing.setSceneVersion(event.getVersion());
                existing.setUpdatedAt(event.getCommittedAt());
                if (!event.getPersisted()) {
                    existing.setSessionId(event.getEmitter().getSessionId());
                }
            }
        }
    }

    private static EntityState created(SceneEvent event, EntityChange change) {
        return EntityState.newBuilder()
                .setSceneId(event.getSceneId())
                .setEntityId(change.getEntityId())
                .setSessionId(event.getPersisted() ? null : event.getEmitter().getSessionId())
                .setVersion(change.getEntityVersion())
                .setSceneVersion(event.getVersion())
                .setComponents(ComponentChanges.copy(change.getComponents()))
                .setUpdatedAt(event.getCommittedAt())
                .build();
    }
}
