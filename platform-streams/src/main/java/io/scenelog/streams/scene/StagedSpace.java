package io.scenelog.streams.scene;

import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An entity space with the changes of the action being decided applied on top, so that each operation sees the
 * effect of the operations before it, while the underlying state stays untouched until the whole action is
 * accepted (an action is atomic: all its operations apply or none).
 */
public final class StagedSpace implements EntitySpace {

    private final EntitySpace base;
    private final Stamp stamp;
    /** Entity id to its state after the action so far; a null value means deleted. Insertion-ordered. */
    private final Map<UUID, EntityState> staged = new LinkedHashMap<>();
    private final List<EntityChange> changes = new ArrayList<>();

    public StagedSpace(EntitySpace base, Stamp stamp) {
        this.base = base;
        this.stamp = stamp;
    }

    /** Applies an event on top of what is staged and records its change for the commit log. */
    public void apply(EntityEvent event) {
        EntityState current = entity(event.entityId()).orElse(null);
        EntityState next = event.applyTo(current, stamp);
        long version = next != null ? next.getVersion() : (current == null ? 0 : current.getVersion()) + 1;
        staged.put(event.entityId(), next);
        changes.add(event.toChange(version));
    }

    /** The changes applied so far, in order. */
    public List<EntityChange> changes() {
        return List.copyOf(changes);
    }

    /** Every entity the action touched with its final state (null = deleted), in first-touched order. */
    public Map<UUID, EntityState> writes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(staged));
    }

    @Override
    public Optional<EntityState> entity(UUID entityId) {
        if (staged.containsKey(entityId)) {
            return Optional.ofNullable(staged.get(entityId));
        }
        return base.entity(entityId);
    }

    @Override
    public List<EntityState> children(UUID entityId) {
        List<EntityState> children = new ArrayList<>();
        for (EntityState child : base.children(entityId)) {
            if (!staged.containsKey(child.getEntityId())) {
                children.add(child);
            }
        }
        for (EntityState state : staged.values()) {
            if (state != null && entityId.equals(state.getComponents().getParent())) {
                children.add(state);
            }
        }
        return children;
    }

    @Override
    public boolean shadowsPersisted(UUID entityId) {
        return base.shadowsPersisted(entityId);
    }
}
