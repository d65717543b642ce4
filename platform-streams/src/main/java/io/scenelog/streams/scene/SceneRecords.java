package io.scenelog.streams.scene;

import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.schemas.ScenelogSchemas;

/** The pure {@code evolve} of a scene record by a committed event: its version, entity count and time. */
public final class SceneRecords {

    static {
        // Copying generated records makes Avro load their classes by name, which Avro 1.12.2 refuses for
        // untrusted classes; the serdes trust ours on first use, but the pure rules may run before any serde.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private SceneRecords() {
    }

    /** The scene after the event: the event's version; the entity count moved by persisted creates and deletes. */
    public static SceneRecord afterCommit(SceneRecord scene, SceneEvent event) {
        long count = scene.getEntityCount();
        if (event.getPersisted()) {
            for (EntityChange change : event.getChanges()) {
                if (change.getKind() == EntityChangeKind.CREATED) {
                    count++;
                } else if (change.getKind() == EntityChangeKind.DELETED) {
                    count--;
                }
            }
        }
        return SceneRecord.newBuilder(scene)
                .setVersion(event.getVersion())
                .setEntityCount(count)
                .setUpdatedAt(event.getCommittedAt())
                .build();
    }
}
