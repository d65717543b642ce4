package io.scenelog.streams.internal;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.StoreKind;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The commit processor's state stores: their names and builders. Records are stored as the bytes of their topic:
 * the public Avro records in the Confluent wire format, so the changelogs are readable with the registry and survive
 * schema evolution like the topics do, and a record written to a topic and a store is serialised once. The
 * processor reads and writes them through {@link TaskStores}.
 */
public final class CommitStores {

    /** Scenes by id. */
    public static final String SCENES = "scenes-store";
    /** Persisted entities by sceneId/entityId. */
    public static final String ENTITIES = "entities-store";
    /** Session overlay entities by sessionId/entityId. */
    public static final String OVERLAY = "overlay-store";
    /** Sessions by sceneId/sessionId. */
    public static final String SESSIONS = "sessions-store";
    /** Outcomes for duplicate detection. */
    public static final String DEDUP = "dedup-store";

    private CommitStores() {
    }

    /**
     * The builders of every store, changelogged, without Kafka Streams' record cache (its flush at the commit would
     * put the changelogs' first sends inside the commit). The stores that every action rewrites (its scene, its
     * entities, a session's overlay) hold their writes beyond a commit's first few until the commit, newest per key
     * ({@link CoalescingStore}); the dedup log's expiry index and runs of sequence numbers likewise
     * ({@link PreCommitStore}).
     *
     * @param registry unused: the stores hold bytes, the processor encodes them ({@link RecordStore})
     */
    public static List<StoreBuilder<?>> builders(StoreKind kind, SchemaRegistryClient registry) {
        return List.of(
                CoalescingStore.builder(records(kind, SCENES)),
                CoalescingStore.builder(records(kind, ENTITIES)),
                CoalescingStore.builder(records(kind, OVERLAY)),
                records(kind, SESSIONS),
                PreCommitStore.builder(
                        Stores.keyValueStoreBuilder(supplier(kind, DEDUP), Serdes.Bytes(), Serdes.ByteArray())
                                .withLoggingEnabled(Map.of())
                                .withCachingDisabled()));
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> records(StoreKind kind, String name) {
        return Stores.keyValueStoreBuilder(supplier(kind, name), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of())
                .withCachingDisabled();
    }

    private static KeyValueBytesStoreSupplier supplier(StoreKind kind, String name) {
        return kind == StoreKind.ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
