package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a scene, and a session's view of it, from this instance's own stores, under the scene's read lock (whole
 * actions only). The stores hold records as their topics do ({@link CommitStores}), so they are decoded with the
 * topics' serdes.
 */
final class LocalSceneReader {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final SceneLocks locks;
    private final Deserializer<SceneRecord> scenes;
    private final Deserializer<EntityState> entities;
    private final Deserializer<EntityState> overlays;

    LocalSceneReader(KafkaStreams streams, SceneLocks locks, SchemaRegistryClient registry) {
        this.streams = streams;
        this.locks = locks;
        this.scenes = Topics.SCENES.valueSerde(registry).deserializer();
        this.entities = Topics.SCENE_STATE.valueSerde(registry).deserializer();
        this.overlays = Topics.SESSION_STATE.valueSerde(registry).deserializer();
    }

    Optional<SceneSnapshot> scene(UUID sceneId, int partition) {
        ReadOnlyKeyValueStore<String, byte[]> sceneStore = store(CommitStores.SCENES, partition);
        ReadOnlyKeyValueStore<String, byte[]> entityStore = store(CommitStores.ENTITIES, partition);
        return guarded(sceneId, () -> active(sceneStore, sceneId)
                .map(scene -> new SceneSnapshot(scene, scan(entityStore, sceneId, entities, CommitStores.ENTITIES))));
    }

    /**
     * The scene and the session's overlay under one read lock: the commit processor writes an action's overlay
     * entities, the shadows it removes and the scene version under the scene's write lock, and so do the session
     * commands that drop overlay entities, so both stores are read at one version.
     */
    Optional<SessionSnapshot> session(UUID sceneId, UUID sessionId, int partition) {
        ReadOnlyKeyValueStore<String, byte[]> sceneStore = store(CommitStores.SCENES, partition);
        ReadOnlyKeyValueStore<String, byte[]> entityStore = store(CommitStores.ENTITIES, partition);
        ReadOnlyKeyValueStore<String, byte[]> sessionStore = store(CommitStores.SESSIONS, partition);
        ReadOnlyKeyValueStore<String, byte[]> overlayStore = store(CommitStores.OVERLAY, partition);
        return guarded(sceneId, () -> active(sceneStore, sceneId).map(scene -> {
            SceneSnapshot persisted = new SceneSnapshot(scene,
                    scan(entityStore, sceneId, entities, CommitStores.ENTITIES));
            // Overlay keys name the session only; other scenes on this partition have sessions too, so the
            // session must be this scene's before its overlay is read.
            boolean ofThisScene = sessionStore.get(StoreSceneState.sessionKey(sceneId, sessionId)) != null;
            List<EntityState> overlay = ofThisScene
                    ? scan(overlayStore, sessionId, overlays, CommitStores.OVERLAY) : List.of();
            return new SessionSnapshot(persisted, sessionId, overlay);
        }));
    }

    /** The scene's version: one small record, no entity read. */
    Optional<Long> sceneVersion(UUID sceneId, int partition) {
        ReadOnlyKeyValueStore<String, byte[]> sceneStore = store(CommitStores.SCENES, partition);
        return guarded(sceneId, () -> active(sceneStore, sceneId).map(SceneRecord::getVersion));
    }

    Optional<EntityState> entity(UUID sceneId, UUID entityId, int partition) {
        ReadOnlyKeyValueStore<String, byte[]> sceneStore = store(CommitStores.SCENES, partition);
        ReadOnlyKeyValueStore<String, byte[]> entityStore = store(CommitStores.ENTITIES, partition);
        return guarded(sceneId, () -> active(sceneStore, sceneId).flatMap(scene -> Optional.ofNullable(
                decode(entities, CommitStores.ENTITIES, entityStore.get(StateKeys.sceneEntity(sceneId, entityId))))));
    }

    /** Every entity under an owner (a scene, or a session), in key order. */
    private static List<EntityState> scan(ReadOnlyKeyValueStore<String, byte[]> store, UUID ownerId,
            Deserializer<EntityState> reader, String storeName) {
        List<EntityState> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(StateKeys.prefix(ownerId), KEYS)) {
            while (it.hasNext()) {
                EntityState entity = decode(reader, storeName, it.next().value);
                if (entity != null) {
                    all.add(entity);
                }
            }
        }
        return all;
    }

    private <T> T guarded(UUID sceneId, Supplier<T> read) {
        try {
            return locks.read(sceneId.toString(), read);
        } catch (InvalidStateStoreException e) {
            throw new StateNotQueryableException("The state of scene " + sceneId + " is not queryable here now"
                    + " (partitions moving or restoring): " + e.getMessage(), e);
        }
    }

    private Optional<SceneRecord> active(ReadOnlyKeyValueStore<String, byte[]> store, UUID sceneId) {
        return Optional.ofNullable(decode(scenes, CommitStores.SCENES, store.get(sceneId.toString())))
                .filter(s -> s.getStatus() == SceneStatus.ACTIVE);
    }

    private static <V> V decode(Deserializer<V> reader, String store, byte[] bytes) {
        return bytes == null ? null : reader.deserialize(store, bytes);
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
