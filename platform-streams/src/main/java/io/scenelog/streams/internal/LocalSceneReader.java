package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads a scene from this instance's own stores, under the scene's read lock (whole actions only). */
final class LocalSceneReader {

    private final KafkaStreams streams;
    private final SceneLocks locks;

    LocalSceneReader(KafkaStreams streams, SceneLocks locks) {
        this.streams = streams;
        this.locks = locks;
    }

    Optional<SceneSnapshot> scene(UUID sceneId, int partition) {
        ReadOnlyKeyValueStore<String, SceneRecord> scenes = store(CommitStores.SCENES, partition);
        ReadOnlyKeyValueStore<String, EntityState> entities = store(CommitStores.ENTITIES, partition);
        return guarded(sceneId, () -> active(scenes, sceneId)
                .map(scene -> new SceneSnapshot(scene, StoreSpaces.scan(entities, sceneId))));
    }

    Optional<EntityState> entity(UUID sceneId, UUID entityId, int partition) {
        ReadOnlyKeyValueStore<String, SceneRecord> scenes = store(CommitStores.SCENES, partition);
        ReadOnlyKeyValueStore<String, EntityState> entities = store(CommitStores.ENTITIES, partition);
        return guarded(sceneId, () -> active(scenes, sceneId)
                .flatMap(scene -> Optional.ofNullable(entities.get(StateKeys.sceneEntity(sceneId, entityId)))));
    }

    private <T> T guarded(UUID sceneId, Supplier<T> read) {
        try {
            return locks.read(sceneId.toString(), read);
        } catch (InvalidStateStoreException e) {
            throw new StateNotQueryableException("The state of scene " + sceneId + " is not queryable here now"
                    + " (partitions moving or restoring): " + e.getMessage(), e);
        }
    }

    private static Optional<SceneRecord> active(ReadOnlyKeyValueStore<String, SceneRecord> scenes, UUID sceneId) {
        return Optional.ofNullable(scenes.get(sceneId.toString())).filter(s -> s.getStatus() == SceneStatus.ACTIVE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        try {
            return streams.store(StoreQueryParameters
                    .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw new StateNotQueryableException("Store " + name + " partition " + partition
                    + " is not queryable on this instance now: " + e.getMessage(), e);
        }
    }
}
