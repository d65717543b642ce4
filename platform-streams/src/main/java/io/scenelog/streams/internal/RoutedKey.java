package io.scenelog.streams.internal;

import java.util.Objects;

/**
 * An output record's key with the scene it belongs to: the key is what the topic stores, the scene decides the
 * partition ({@link ScenePartitioner}), so state keyed by entity or session lands on its scene's partition.
 *
 * @param sceneId the scene, as text
 * @param key     the record key written to the topic
 */
public record RoutedKey(String sceneId, String key) {

    public RoutedKey {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(key, "key");
    }
}
