package io.scenelog.topics;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.EntityState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.wire.AvroSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue (DESIGN.md §4): every topic Scenelog reads or writes, as data. This class is the only place a
 * topic name is spelled; everything else refers to these constants.
 */
public final class Topics {

    /**
     * Partitions of every scene-keyed topic. They must be equal so a scene's actions, events and state land on the
     * same partition number (Kafka Streams co-partitioning); 12 divides evenly among 1, 2, 3, 4 and 6 instances.
     */
    public static final int SCENE_PARTITIONS = 12;

    /** Minimum time a compacted record stays uncompacted, so slow readers still see intermediate states. */
    private static final Map<String, String> COMPACTED = Map.of(
            "min.compaction.lag.ms", Long.toString(Duration.ofMinutes(1).toMillis()),
            "delete.retention.ms", Long.toString(Duration.ofDays(1).toMillis()));

    /** All writers (bridge, REST, simulations) produce scene actions here, keyed by sceneId. */
    public static final Topic<String, SceneAction> SCENE_ACTIONS = avro(
            new TopicSpec("scene-actions", SCENE_PARTITIONS, CleanupPolicy.DELETE,
                    Optional.of(Duration.ofDays(1)), Map.of(),
                    "actions from every writer, before validation; platform-streams reads them"),
            "sceneId", SceneAction.class);

    /**
     * Commands that manage scenes and sessions (create/delete a scene; request, run, join, leave, end a session),
     * keyed by sceneId and co-partitioned with {@link #SCENE_ACTIONS}, so the one task that owns a scene sees its
     * commands and actions in one order.
     */
    public static final Topic<String, SceneControl> SCENE_CONTROL = avro(
            new TopicSpec("scene-control", SCENE_PARTITIONS, CleanupPolicy.DELETE,
                    Optional.of(Duration.ofDays(7)), Map.of(),
                    "scene and session commands from the REST edge, bridges and render nodes; platform-streams reads"
                            + " them"),
            "sceneId", SceneControl.class);

    /** The commit log: accepted actions with their per-scene version. Replay and analytics read it. */
    public static final Topic<String, SceneEvent> SCENE_EVENTS = avro(
            new TopicSpec("scene-events", SCENE_PARTITIONS, CleanupPolicy.DELETE,
                    Optional.empty(), Map.of(),
                    "the commit log of accepted actions, versioned per scene; renderers, bridges, analytics"),
            "sceneId", SceneEvent.class);

    /** Persisted entity state, compacted; bootstraps renderers and queries. */
    public static final Topic<String, EntityState> SCENE_STATE = avro(
            new TopicSpec("scene-state", SCENE_PARTITIONS, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "persisted entity state per scene (tombstone on delete); bootstraps renderers"),
            "sceneId/entityId", EntityState.class);

    /** A session's transient overlay (cameras, transient edits), tombstoned when the session ends. */
    public static final Topic<String, EntityState> SESSION_STATE = avro(
            new TopicSpec("session-state", SCENE_PARTITIONS, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "transient per-session overlay entities; tombstoned when the session ends"),
            "sessionId/entityId", EntityState.class);

    /** Accepted or rejected outcome of every action, routed back to the sender. */
    public static final Topic<String, ActionResult> ACTION_RESULTS = avro(
            new TopicSpec("action-results", SCENE_PARTITIONS, CleanupPolicy.DELETE,
                    Optional.of(Duration.ofDays(1)), Map.of(),
                    "accepted (with version) or rejected (with reason code) results for senders"),
            "sessionId or clientId", ActionResult.class);

    /** Session lifecycle records: requested, assigned, running, ended. */
    public static final Topic<String, SessionRecord> SESSIONS = avro(
            new TopicSpec("sessions", SCENE_PARTITIONS, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "session lifecycle: requested, assigned(node), running(endpoint), clients, ended"),
            "sessionId", SessionRecord.class);

    /** Scene metadata (name, settings, status, version, entity count); platform-streams is the only writer. */
    public static final Topic<String, SceneRecord> SCENES = avro(
            new TopicSpec("scenes", SCENE_PARTITIONS, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "scene metadata: name, settings, active/deleted, version and entity count"),
            "sceneId", SceneRecord.class);

    /** Heartbeats and capacity of render nodes. */
    public static final Topic<String, NodeStatus> RENDER_NODES = avro(
            new TopicSpec("render-nodes", 1, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "render node heartbeats and capacity; read by session placement"),
            "nodeId", NodeStatus.class);

    /** Asset metadata; the blobs themselves live in the blob store, addressed by sha-256. */
    public static final Topic<String, AssetRecord> ASSETS = avro(
            new TopicSpec("assets", 1, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "asset metadata (blobs live in the blob store by sha-256)"),
            "assetId", AssetRecord.class);

    /**
     * API keys of server-side principals (hashed secrets only), written by the REST edge; every edge instance reads
     * the whole topic, so a key created or revoked on one is known to all.
     */
    public static final Topic<String, ApiKeyRecord> API_KEYS = avro(
            new TopicSpec("api-keys", 1, CleanupPolicy.COMPACT,
                    Optional.empty(), COMPACTED,
                    "API keys of server-side principals (SHA-256 of the secret only); the REST edge reads and writes"),
            "keyId", ApiKeyRecord.class);

    /** Records nobody could process: original key and bytes, with the failure in headers. Never rejections. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>(
            new TopicSpec("dead-letters", 1, CleanupPolicy.DELETE,
                    Optional.of(Duration.ofDays(14)), Map.of(),
                    "undeserialisable or unprocessable records with source topic/partition/offset and error headers"),
            "original key bytes", (registry, isKey) -> Serdes.ByteArray(),
            "original value bytes", (registry, isKey) -> Serdes.ByteArray());

    /** The schema registry's own log (Confluent's format: JSON keys and values). */
    public static final Topic<String, String> SCHEMAS = new Topic<>(
            new TopicSpec("_schemas", 1, CleanupPolicy.COMPACT,
                    Optional.empty(), Map.of(),
                    "the schema registry's log; must stay one partition so ids are assigned in one order"),
            "registry key (JSON)", (registry, isKey) -> Serdes.String(),
            "registry record (JSON)", (registry, isKey) -> Serdes.String());

    private static final List<Topic<?, ?>> ALL = List.of(
            SCENE_ACTIONS, SCENE_CONTROL, SCENE_EVENTS, SCENE_STATE, SESSION_STATE, ACTION_RESULTS,
            SESSIONS, SCENES, RENDER_NODES, ASSETS, API_KEYS, DEAD_LETTERS, SCHEMAS);

    private Topics() {
    }

    /** Every topic of the catalogue, in a stable order. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** The catalogue entry with this name, if there is one. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static <V extends SpecificRecord> Topic<String, V> avro(
            TopicSpec spec, String keyDescription, Class<V> valueType) {
        return new Topic<>(spec, keyDescription, (registry, isKey) -> Serdes.String(),
                valueType.getSimpleName() + " (Avro, Confluent wire format)",
                (registry, isKey) -> AvroSerdes.specific(valueType, registry, isKey));
    }
}
