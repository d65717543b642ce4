package io.scenelog.renderer.scene.internal;

import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.Transform;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the scene graph of one snapshot: each entity's world matrix (its transform after its parents') and
 * whether it is hidden (it or an ancestor has {@code visible = false}). A missing parent or a parent cycle (the
 * pipeline refuses both, but a replica must not hang on bad data) makes the entity a root, logged once.
 */
public final class WorldTransforms {

    private static final Logger LOG = LoggerFactory.getLogger(WorldTransforms.class);

    private final Map<UUID, EntityState> entities;
    private final OnceLog problems;
    private final Map<UUID, Matrix4f> world = new HashMap<>();
    private final Map<UUID, Boolean> hidden = new HashMap<>();
    /** Entities drawn as roots because their parent chain loops back to them. */
    private final Set<UUID> rootOverride = new HashSet<>();

    /**
     * @param entities every entity of the snapshot, by id
     * @param problems where problems already logged are remembered (shared across frames)
     */
    public WorldTransforms(Map<UUID, EntityState> entities, OnceLog problems) {
        this.entities = entities;
        this.problems = problems;
    }

    /** The entity's local space to world space. */
    public Matrix4fc world(UUID entityId) {
        resolve(entityId);
        return world.get(entityId);
    }

    /** Whether the entity or one of its ancestors is invisible. */
    public boolean hidden(UUID entityId) {
        resolve(entityId);
        return hidden.get(entityId);
    }

    /** A transform as a matrix: scale, then rotation (normalised), then translation, as glTF's TRS. */
    public static Matrix4f local(Transform transform) {
        if (transform == null) {
            return new Matrix4f();
        }
        Quaternionf rotation = new Quaternionf((float) transform.getRotation().getX(),
                (float) transform.getRotation().getY(), (float) transform.getRotation().getZ(),
                (float) transform.getRotation().getW());
        if (rotation.lengthSquared() < 1e-12f) {
            rotation.identity();
        }
        return new Matrix4f().translationRotateScale(
                new Vector3f((float) transform.getPosition().getX(), (float) transform.getPosition().getY(),
                        (float) transform.getPosition().getZ()),
                rotation.normalize(),
                new Vector3f((float) transform.getScale().getX(), (float) transform.getScale().getY(),
                        (float) transform.getScale().getZ()));
    }

    /** Walks up to the first resolved ancestor (or a root), then resolves back down, without recursion. */
    private void resolve(UUID entityId) {
        if (world.containsKey(entityId)) {
            return;
        }
        ArrayDeque<UUID> chain = new ArrayDeque<>();
        Set<UUID> onChain = new HashSet<>();
        UUID cursor = entityId;
        while (cursor != null && !world.containsKey(cursor)) {
            chain.push(cursor);
            onChain.add(cursor);
            UUID parent = parentOf(cursor);
            if (parent != null && onChain.contains(parent)) {
                UUID looped = cursor;
                problems.once("cycle:" + looped, key -> LOG.warn("Entity {} is its own ancestor; drawn as a root.",
                        looped));
                parent = null;
                rootOverride.add(looped);
            }
            cursor = parent;
        }
        while (!chain.isEmpty()) {
            UUID id = chain.pop();
            EntityState entity = entities.get(id);
            UUID parent = parentOf(id);
            Matrix4f parentWorld = parent == null ? new Matrix4f() : world.get(parent);
            boolean parentHidden = parent != null && hidden.get(parent);
            Components components = entity.getComponents();
            world.put(id, new Matrix4f(parentWorld).mul(local(components.getTransform())));
            hidden.put(id, parentHidden || Boolean.FALSE.equals(components.getVisible()));
        }
    }

    /** The parent that exists, or null for a root (a missing parent is logged once). */
    private UUID parentOf(UUID id) {
        if (rootOverride.contains(id)) {
            return null;
        }
        UUID parent = entities.get(id).getComponents().getParent();
        if (parent != null && !entities.containsKey(parent)) {
            problems.once("orphan:" + id + ":" + parent, key -> LOG.warn(
                    "Entity {} names parent {}, which does not exist; drawn as a root.", id, parent));
            return null;
        }
        return parent;
    }
}
