package io.scenelog.streams.testing;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.SceneAction;
import io.scenelog.model.UpdateComponents;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A deliberately naive model of a scene's persisted entities, written apart from the pipeline's rules: it applies
 * accepted actions in commit order and knows nothing of validation. The pipeline's committed state must equal it.
 */
public final class ReferenceScene {

    /**
     * One entity as the model sees it.
     *
     * @param version    its version
     * @param components its components
     */
    public record Entity(long version, Components components) {
    }

    private final Map<UUID, Entity> entities = new TreeMap<>();

    /** Applies an accepted action's operations in order. */
    public void apply(SceneAction action) {
        for (Object operation : action.getOperations()) {
            if (operation instanceof CreateEntity op) {
                entities.put(op.getEntityId(), new Entity(1, Components.newBuilder(op.getComponents()).build()));
            } else if (operation instanceof UpdateComponents op) {
                change(op.getEntityId(), merged(entities.get(op.getEntityId()).components(), op.getComponents()));
            } else if (operation instanceof RemoveComponents op) {
                Components kept = Components.newBuilder(entities.get(op.getEntityId()).components()).build();
                op.getKinds().forEach(kind -> remove(kept, kind));
                change(op.getEntityId(), kept);
            } else if (operation instanceof Reparent op) {
                Components moved = Components.newBuilder(entities.get(op.getEntityId()).components()).build();
                moved.setParent(op.getNewParent());
                change(op.getEntityId(), moved);
            } else if (operation instanceof DeleteEntity op) {
                deleteWithDescendants(op.getEntityId());
            } else {
                throw new IllegalArgumentException("The model does not know " + operation);
            }
        }
    }

    /** The entities, by id. */
    public Map<UUID, Entity> entities() {
        return entities;
    }

    private void change(UUID id, Components components) {
        entities.put(id, new Entity(entities.get(id).version() + 1, components));
    }

    private void deleteWithDescendants(UUID root) {
        Deque<UUID> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            UUID id = pending.pop();
            entities.remove(id);
            entities.forEach((child, entity) -> {
                if (id.equals(entity.components().getParent())) {
                    pending.push(child);
                }
            });
        }
    }

    private static Components merged(Components current, Components set) {
        Components next = Components.newBuilder(current).build();
        if (set.getName() != null) {
            next.setName(set.getName());
        }
        if (set.getTransform() != null) {
            next.setTransform(set.getTransform());
        }
        if (set.getMesh() != null) {
            next.setMesh(set.getMesh());
        }
        if (set.getMaterial() != null) {
            next.setMaterial(set.getMaterial());
        }
        if (set.getCamera() != null) {
            next.setCamera(set.getCamera());
        }
        if (set.getLight() != null) {
            next.setLight(set.getLight());
        }
        if (set.getTags() != null) {
            next.setTags(set.getTags());
        }
        if (set.getVisible() != null) {
            next.setVisible(set.getVisible());
        }
        return next;
    }

    private static void remove(Components components, ComponentKind kind) {
        switch (kind) {
            case NAME -> components.setName(null);
            case TRANSFORM -> components.setTransform(null);
            case MESH -> components.setMesh(null);
            case MATERIAL -> components.setMaterial(null);
            case CAMERA -> components.setCamera(null);
            case LIGHT -> components.setLight(null);
            case TAGS -> components.setTags(null);
            case VISIBLE -> components.setVisible(null);
            default -> throw new IllegalArgumentException("The model cannot remove " + kind);
        }
    }
}
