package io.scenelog.streams.query;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import java.util.List;
import java.util.Objects;

/**
 * A scene's persisted state at one version: every entity as of the scene's last committed event, never half an
 * action. Renderers and the REST API start from it and follow {@code scene-events} from {@code version() + 1}.
 *
 * @param scene    the scene record (its version and entity count are current, unlike the {@code scenes} topic's)
 * @param entities every persisted entity, in key order
 */
public record SceneSnapshot(SceneRecord scene, List<EntityState> entities) {

    public SceneSnapshot {
        Objects.requireNonNull(scene, "scene");
        entities = List.copyOf(entities);
    }

    /** The scene version the snapshot is at. */
    public long version() {
        return scene.getVersion();
    }
}
