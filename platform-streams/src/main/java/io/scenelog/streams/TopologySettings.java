package io.scenelog.streams;

import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.placement.PlacementSettings;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * What the commit topology itself needs to know (the rest of {@link StreamsSettings} configures Kafka Streams).
 *
 * @param tokenKey                 the key that verifies action and command tokens
 * @param dedupHorizon             how long an actionId or clientSeq is remembered for duplicate detection
 * @param sceneRecordInterval      how often changed scene versions and entity counts are written to {@code scenes}
 * @param maxRecordBytes           the largest output record (key + value + overhead); an action whose output would
 *                                 be larger is rejected and dead-lettered instead of failing the transaction
 * @param storeKind                RocksDB or in-memory state stores
 * @param enforceScenePartitioning whether an action on another partition than its scene's is rejected (true in
 *                                 production; TopologyTestDriver has one partition per topic, so tests turn it off)
 * @param placement                how sessions are placed on render nodes and dead nodes detected
 */
public record TopologySettings(TokenKey tokenKey, Duration dedupHorizon, Duration sceneRecordInterval,
        int maxRecordBytes, StoreKind storeKind, boolean enforceScenePartitioning, PlacementSettings placement) {

    /** Default for {@link #dedupHorizon()}: as long as scene-actions keeps an action to be replayed. */
    public static final Duration DEFAULT_DEDUP_HORIZON = Topics.SCENE_ACTIONS.spec().retention().orElseThrow();
    /** Default for {@link #sceneRecordInterval()}. */
    public static final Duration DEFAULT_SCENE_RECORD_INTERVAL = Duration.ofSeconds(1);
    /** Default for {@link #maxRecordBytes()}: under Kafka's default 1 MiB request and message limits. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    /**
     * @throws InvalidStreamsSettingsException naming the setting and the fix
     */
    public TopologySettings {
        if (tokenKey == null) {
            throw new InvalidStreamsSettingsException("tokenKey", null, "give the platform's token key (base64)");
        }
        StreamsSettings.requirePositive("dedupHorizon", dedupHorizon);
        StreamsSettings.requirePositive("sceneRecordInterval", sceneRecordInterval);
        if (maxRecordBytes < 10_000) {
            throw new InvalidStreamsSettingsException("maxRecordBytes", maxRecordBytes,
                    "allow at least 10000 bytes; keep it at or below the producer's max.request.size and the"
                            + " topics' max.message.bytes (default " + DEFAULT_MAX_RECORD_BYTES + ")");
        }
        Objects.requireNonNull(storeKind, "storeKind");
        if (placement == null) {
            throw new InvalidStreamsSettingsException("placement", null, "use PlacementSettings.defaults()");
        }
    }

    /** Settings with the default placement. */
    public TopologySettings(TokenKey tokenKey, Duration dedupHorizon, Duration sceneRecordInterval,
            int maxRecordBytes, StoreKind storeKind, boolean enforceScenePartitioning) {
        this(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, storeKind, enforceScenePartitioning,
                PlacementSettings.defaults());
    }

    /** Production settings with the given token key. */
    public static TopologySettings defaults(TokenKey tokenKey) {
        return new TopologySettings(tokenKey, DEFAULT_DEDUP_HORIZON, DEFAULT_SCENE_RECORD_INTERVAL,
                DEFAULT_MAX_RECORD_BYTES, StoreKind.ROCKSDB, true);
    }

    /** Settings for TopologyTestDriver: in-memory stores, no partition check (one partition per topic there). */
    public static TopologySettings forTests(TokenKey tokenKey) {
        return defaults(tokenKey).withStoreKind(StoreKind.IN_MEMORY).withScenePartitioningEnforced(false);
    }

    /** A copy remembering action ids for another horizon. */
    public TopologySettings withDedupHorizon(Duration value) {
        return new TopologySettings(tokenKey, value, sceneRecordInterval, maxRecordBytes, storeKind,
                enforceScenePartitioning, placement);
    }

    /** A copy writing scene records at another interval. */
    public TopologySettings withSceneRecordInterval(Duration value) {
        return new TopologySettings(tokenKey, dedupHorizon, value, maxRecordBytes, storeKind,
                enforceScenePartitioning, placement);
    }

    /** A copy with another output size limit. */
    public TopologySettings withMaxRecordBytes(int value) {
        return new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, value, storeKind,
                enforceScenePartitioning, placement);
    }

    /** A copy with another kind of state store. */
    public TopologySettings withStoreKind(StoreKind value) {
        return new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, value,
                enforceScenePartitioning, placement);
    }

    /** A copy that does or does not reject actions on the wrong partition. */
    public TopologySettings withScenePartitioningEnforced(boolean value) {
        return new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, storeKind, value,
                placement);
    }

    /** A copy placing sessions with other settings. */
    public TopologySettings withPlacement(PlacementSettings value) {
        return new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, storeKind,
                enforceScenePartitioning, value);
    }
}
