package io.scenelog.streams.internal;

import io.scenelog.streams.StateKeys;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Finds a scene's partition from its id as the key, for interactive-query routing ({@code queryMetadataForKey}). */
public final class SceneKeyPartitioner implements StreamPartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String sceneId, Object value, int numPartitions) {
        return Optional.of(Set.of(StateKeys.partitionOf(sceneId, numPartitions)));
    }
}
