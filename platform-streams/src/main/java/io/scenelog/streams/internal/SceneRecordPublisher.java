package io.scenelog.streams.internal;

import io.scenelog.model.SceneRecord;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes scene records to {@code scenes}: at once when a scene is created or deleted, and for version and entity
 * count changes at most once per interval per scene, so a busy scene does not add a record to every action. The
 * set of changed scenes lives in memory: a task that starts (after a crash or a move) writes all its scenes once,
 * so nothing committed before the crash stays unpublished.
 */
final class SceneRecordPublisher {

    private final Set<String> changed = new LinkedHashSet<>();
    private boolean publishAll = true;

    /** Notes that a scene's version or entity count changed. */
    void changed(String sceneId) {
        changed.add(sceneId);
    }

    /** Writes the changed scenes (all of them after a start). */
    void publish(RecordStore<SceneRecord> scenes, Outputs outputs, long timestamp) {
        if (publishAll) {
            scenes.forEach((sceneId, scene) -> outputs.send(Sink.SCENE_RECORDS, sceneId, sceneId, scene, timestamp));
            publishAll = false;
        } else {
            for (String sceneId : changed) {
                SceneRecord scene = scenes.get(sceneId);
                if (scene != null) {
                    outputs.send(Sink.SCENE_RECORDS, sceneId, sceneId, scene, timestamp);
                }
            }
        }
        changed.clear();
    }
}
