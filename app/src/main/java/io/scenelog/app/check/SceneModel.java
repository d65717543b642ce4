package io.scenelog.app.check;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.SceneEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The persisted state of one scene computed from its commit log alone, by the rules the {@code SceneEvent} schema
 * documents for each change kind. It is the checker's independent model: written from the contract, not from
 * platform-streams' code, so a bug in the pipeline's own evolve cannot hide itself.
 */
public final class SceneModel {

    private final Map<UUID, Entity> entities = new LinkedHashMap<>();
    private final List<String> anomalies = new ArrayList<>();

    /**
     * One entity as the model sees it.
     *
     * @param version      the entity version of the last change applied
     * @param sceneVersion the scene version of the event that last changed it
     * @param components   its full set of components
     */
    public record Entity(long version, long sceneVersion, Components components) {
    }

    /** Applies a committed event; session-overlay events ({@code persisted=false}) do not change the scene. */
    public void apply(SceneEvent event) {
        if (!event.getPersisted()) {
            return;
        }
        for (EntityChange change : event.getChanges()) {
            apply(change, event.getVersion());
        }
    }

    /** The entities that exist, by id. */
    public Map<UUID, Entity> entities() {
        return Collections.unmodifiableMap(entities);
    }

    /**
     * Changes that break the log's own rules: an entity version that does not follow the previous one by exactly
     * one (a change applied twice or lost), a change to an entity that does not exist, a creation of one that does.
     */
    public List<String> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }

    private void apply(EntityChange change, long sceneVersion) {
        UUID id = change.getEntityId();
        Entity current = entities.get(id);
        EntityChangeKind kind = change.getKind();
        checkVersion(change, current, sceneVersion);
        if (kind == EntityChangeKind.DELETED) {
            entities.remove(id);
            return;
        }
        Components next = kind == EntityChangeKind.CREATED || current == null
                ? copy(change.getComponents()) : copy(current.components());
        switch (kind) {
            case CREATED -> {
                // a full set, taken as it is
            }
            case UPDATED -> overlay(next, change.getComponents());
            case COMPONENTS_REMOVED -> change.getRemoved().forEach(k -> clear(next, k));
            case REPARENTED -> next.setParent(change.getRemoved().contains(ComponentKind.PARENT)
                    ? null : change.getComponents().getParent());
            default -> throw new IllegalStateException("Unhandled change kind " + kind + " of entity " + id);
        }
        entities.put(id, new Entity(change.getEntityVersion(), sceneVersion, next));
    }

    private void checkVersion(EntityChange change, Entity current, long sceneVersion) {
        String where = " (entity " + change.getEntityId() + ", scene version " + sceneVersion + ")";
        if (change.getKind() == EntityChangeKind.CREATED) {
            if (current != null) {
                anomalies.add("CREATED an entity that exists at version " + current.version() + where);
            } else if (change.getEntityVersion() != 1) {
                anomalies.add("CREATED at entity version " + change.getEntityVersion() + " instead of 1" + where);
            }
        } else if (current == null) {
            anomalies.add(change.getKind() + " of an entity that does not exist" + where);
        } else if (change.getEntityVersion() != current.version() + 1) {
            anomalies.add(change.getKind() + " at entity version " + change.getEntityVersion() + " after "
                    + current.version() + where);
        }
    }

    /** A shallow copy by field position (Avro's copying builder needs reflection our schemas module restricts). */
    private static Components copy(Components source) {
        Components copy = new Components();
        for (int i = 0; i < Components.getClassSchema().getFields().size(); i++) {
            copy.put(i, source == null ? null : source.get(i));
        }
        return copy;
    }

    /** Sets every component the partial set holds; null means "unchanged". */
    private static void overlay(Components target, Components partial) {
        for (int i = 0; i < Components.getClassSchema().getFields().size(); i++) {
            Object value = partial.get(i);
            if (value != null) {
                target.put(i, value);
            }
        }
    }

    /** Removes one component: ComponentKind has one symbol per Components field, named alike. */
    private static void clear(Components target, ComponentKind kind) {
        if (kind == ComponentKind.UNKNOWN) {
            return;
        }
        String field = kind.name().toLowerCase(Locale.ROOT);
        if (Components.getClassSchema().getField(field) == null) {
            throw new IllegalStateException("ComponentKind " + kind + " names no field of Components");
        }
        target.put(field, null);
    }
}
