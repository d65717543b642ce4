package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerdes;
import io.scenelog.streams.StoreKind;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The commit processor's state stores. Values are the public Avro records in the Confluent wire format, so the
 * changelogs are readable with the registry and survive schema evolution like the topics do.
 *
 * @param scenes   sceneId to the scene
 * @param entities sceneId/entityId to the persisted entity (prefix-scannable per scene)
 * @param overlay  sessionId/entityId to a session's overlay entity (prefix-scannable per session)
 * @param sessions sceneId/sessionId to the session (prefix-scannable per scene)
 * @param dedup    decided outcomes by actionId and by client sequence number, with an expiry index
 */
public record CommitStores(KeyValueStore<String, SceneRecord> scenes, KeyValueStore<String, EntityState> entities,
        KeyValueStore<String, EntityState> overlay, KeyValueStore<String, SessionRecord> sessions,
        KeyValueStore<String, ActionResult> dedup) {

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

    /** The stores as the processor sees them. */
    public static CommitStores from(ProcessorContext<?, ?> context) {
        return new CommitStores(context.getStateStore(SCENES), context.getStateStore(ENTITIES),
                context.getStateStore(OVERLAY), context.getStateStore(SESSIONS), context.getStateStore(DEDUP));
    }

    /** The builders of every store, changelogged, without caching (outputs must not wait for a cache flush). */
    public static List<StoreBuilder<?>> builders(StoreKind kind, SchemaRegistryClient registry) {
        return List.of(
                builder(kind, SCENES, SceneRecord.class, registry),
                builder(kind, ENTITIES, EntityState.class, registry),
                builder(kind, OVERLAY, EntityState.class, registry),
                builder(kind, SESSIONS, SessionRecord.class, registry),
                builder(kind, DEDUP, ActionResult.class, registry));
    }

    private static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> builder(StoreKind kind,
            String name, Class<V> type, SchemaRegistryClient registry) {
        KeyValueBytesStoreSupplier supplier = kind == StoreKind.ROCKSDB
                ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), AvroSerdes.specific(type, registry, false))
                .withLoggingEnabled(Map.of())
                .withCachingDisabled();
    }
}
