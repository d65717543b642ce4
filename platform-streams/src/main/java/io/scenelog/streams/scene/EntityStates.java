package io.scenelog.streams.scene;

import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.schemas.ScenelogSchemas;
import java.util.UUID;

/** Builds entity states for the rules' {@code evolve} functions. */
public final class EntityStates {

    static {
        // Copying generated records makes Avro load their classes by name, which Avro 1.12.2 refuses for
        // untrusted classes; the serdes trust ours on first use, but the pure rules may run before any serde.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private EntityStates() {
    }

    /** The entity after a change: the next version, stamped with the commit. */
    public static EntityState next(UUID entityId, EntityState current, Components components, Stamp stamp) {
        return EntityState.newBuilder()
                .setSceneId(stamp.sceneId())
                .setEntityId(entityId)
                .setSessionId(stamp.sessionId())
                .setVersion(current == null ? 1 : current.getVersion() + 1)
                .setSceneVersion(stamp.sceneVersion())
                .setComponents(components)
                .setUpdatedAt(stamp.at())
                .build();
    }

    /**
     * A copy of the component set whose own fields can be changed without touching the original (Avro records are
     * mutable, and the original is shared: stores cache decoded records). Shallow on purpose: the rules replace
     * nested values (a whole transform, a whole tag list) and never change one in place, so sharing them is safe,
     * and Avro's deep copy through the builder was a tenth of the pipeline's time per action.
     */
    public static Components copy(Components components) {
        return new Components(components.getName(), components.getTransform(), components.getParent(),
                components.getMesh(), components.getMaterial(), components.getCamera(), components.getLight(),
                components.getTags(), components.getVisible());
    }
}
