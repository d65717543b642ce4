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

    /** A deep copy, so that evolving never mutates a state another holder still reads (Avro records are mutable). */
    public static Components copy(Components components) {
        return Components.newBuilder(components).build();
    }
}
