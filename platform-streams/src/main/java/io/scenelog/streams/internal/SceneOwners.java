package io.scenelog.streams.internal;

import io.scenelog.streams.query.StateNotQueryableException;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Finds which instance owns a scene's partition, from Kafka Streams' metadata. */
final class SceneOwners {

    private final KafkaStreams streams;
    private final SceneKeyPartitioner partitioner = new SceneKeyPartitioner();

    SceneOwners(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * @throws StateNotQueryableException while the metadata is not available (starting, rebalancing)
     */
    KeyQueryMetadata ownerOf(UUID sceneId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(CommitStores.SCENES, sceneId.toString(), partitioner);
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new StateNotQueryableException("The pipeline is not running, so scene " + sceneId
                    + " cannot be queried: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || metadata.partition() < 0) {
            throw new StateNotQueryableException("No instance owns scene " + sceneId + " right now (starting or"
                    + " rebalancing); try again shortly");
        }
        return metadata;
    }
}
