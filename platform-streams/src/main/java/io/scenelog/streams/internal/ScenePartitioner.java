package io.scenelog.streams.internal;

import io.scenelog.streams.StateKeys;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends every output record to its scene's partition ({@link StateKeys#partitionOf}), whatever its key: the
 * same partition number as the scene's actions, events and state, in every scene-keyed topic.
 */
public final class ScenePartitioner implements StreamPartitioner<RoutedKey, byte[]> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, RoutedKey key, byte[] value, int numPartitions) {
        return Optional.of(Set.of(StateKeys.partitionOf(key.sceneId(), numPartitions)));
    }
}
