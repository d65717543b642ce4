package io.scenelog.streams;

import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.placement.PlacementSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything platform-streams needs to run, validated on construction: a bad value fails at start-up with a
 * message naming the setting and the fix ({@link InvalidStreamsSettingsException}). Build with
 * {@link #builder(String, String, TokenKey)}; every other setting has a default.
 *
 * @param bootstrapServers        the Kafka cluster, {@code host:port[,host:port]}
 * @param schemaRegistryUrl       the schema registry, {@code http://host:port} ({@code mock://scope} in tests)
 * @param applicationId           the Kafka Streams application id; instances with the same id share the work
 * @param stateDir                where RocksDB stores and checkpoints live; keep it across restarts
 * @param commitInterval          how often transactions commit: outputs become visible to read_committed readers
 *                                at commit, so this bounds latency (KNOWN-FACTS: p50 ~ 0.55 x interval + 15 ms)
 * @param tokenKey                the key that verifies tokens
 * @param dedupHorizon            how long action ids and client sequence numbers are remembered
 * @param sceneRecordInterval     how often changed scene versions are written to {@code scenes}
 * @param rocksDbMemoryBytes      the block cache shared by every RocksDB store of the process, memtables included
 * @param rocksDbWriteBufferBytes the part of that memory memtables may use
 * @param applicationServer       {@code host:port} where this instance serves state queries to its peers (port 0
 *                                picks a free one); empty serves no queries to peers
 * @param replicationFactor       replicas of the topics and changelogs created (1 on one machine, 3 in a cluster)
 * @param streamThreads           processing threads of this instance
 * @param standbyReplicas         warm copies of each store on other instances, for fast fail-over
 * @param storeKind               RocksDB (production) or in-memory stores
 * @param maxRecordBytes          the largest output record; larger results are rejected and dead-lettered
 * @param startTimeout            how long {@link PlatformStreams#start} waits for RUNNING
 * @param provisionTopics         whether start creates missing catalogue topics (else it only needs them to exist)
 * @param kafkaOverrides          further Kafka Streams/client configs (e.g. security), applied last
 * @param placement               how sessions are placed on render nodes and dead nodes detected
 */
public record StreamsSettings(String bootstrapServers, String schemaRegistryUrl, String applicationId, Path stateDir,
        Duration commitInterval, TokenKey tokenKey, Duration dedupHorizon, Duration sceneRecordInterval,
        long rocksDbMemoryBytes, long rocksDbWriteBufferBytes, Optional<String> applicationServer,
        short replicationFactor, int streamThreads, int standbyReplicas, StoreKind storeKind, int maxRecordBytes,
        Duration startTimeout, boolean provisionTopics, Map<String, String> kafkaOverrides,
        PlacementSettings placement) {

    /** Default for {@link #applicationId()}. */
    public static final String DEFAULT_APPLICATION_ID = "scenelog-platform";
    /**
     * Default for {@link #commitInterval()}, in ms: chosen from the commit and fan-out benchmarks (README,
     * "Default commit interval"). A constant so that command-line defaults can name it.
     */
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 10;
    /** Default for {@link #commitInterval()}. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(DEFAULT_COMMIT_INTERVAL_MS);
    /**
     * Default for {@link #streamThreads()}: two. A stream thread waits about a quarter of its time when it commits
     * (the producer's flush, the transaction's round trips) or for a core; a second one works meanwhile. On the
     * 2-core box exactly-once went from 0.46–0.53× the bare loop to 0.53–0.64× with the same latency
     * (README, Performance).
     */
    public static final int DEFAULT_STREAM_THREADS = 2;
    /** Default for {@link #rocksDbMemoryBytes()}. */
    public static final long DEFAULT_ROCKSDB_MEMORY_BYTES = 128L * 1024 * 1024;
    /** Default for {@link #rocksDbWriteBufferBytes()}. */
    public static final long DEFAULT_ROCKSDB_WRITE_BUFFER_BYTES = 32L * 1024 * 1024;
    /** Default for {@link #startTimeout()}. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @throws InvalidStreamsSettingsException naming the setting and the fix when a value is unusable
     */
    public StreamsSettings {
        requireText("bootstrapServers", bootstrapServers, "give the Kafka cluster as host:port[,host:port]");
        requireText("schemaRegistryUrl", schemaRegistryUrl, "give the registry as http://host:port");
        if (!schemaRegistryUrl.startsWith("http://") && !schemaRegistryUrl.startsWith("https://")
                && !schemaRegistryUrl.startsWith("mock://")) {
            throw new InvalidStreamsSettingsException("schemaRegistryUrl", schemaRegistryUrl,
                    "use http://host:port (or mock://scope in tests)");
        }
        requireText("applicationId", applicationId, "use a name like " + DEFAULT_APPLICATION_ID);
        if (!applicationId.matches("[a-zA-Z0-9._-]+")) {
            throw new InvalidStreamsSettingsException("applicationId", applicationId,
                    "use letters, digits, '.', '_' and '-' only (it prefixes Kafka topic names)");
        }
        if (stateDir == null) {
            throw new InvalidStreamsSettingsException("stateDir", null, "give a directory kept across restarts");
        }
        requirePositive("commitInterval", commitInterval);
        if (rocksDbMemoryBytes < 8L * 1024 * 1024) {
            throw new InvalidStreamsSettingsException("rocksDbMemoryBytes", rocksDbMemoryBytes,
                    "give RocksDB at least 8 MiB (default " + DEFAULT_ROCKSDB_MEMORY_BYTES + ")");
        }
        if (rocksDbWriteBufferBytes < 1024 * 1024 || rocksDbWriteBufferBytes > rocksDbMemoryBytes / 2) {
            throw new InvalidStreamsSettingsException("rocksDbWriteBufferBytes", rocksDbWriteBufferBytes,
                    "use between 1 MiB and half of rocksDbMemoryBytes (" + rocksDbMemoryBytes / 2 + ")");
        }
        Objects.requireNonNull(applicationServer, "applicationServer");
        applicationServer.ifPresent(StreamsSettings::requireHostPort);
        if (replicationFactor < 1) {
            throw new InvalidStreamsSettingsException("replicationFactor", replicationFactor,
                    "use 1 on one machine or 3 in a cluster");
        }
        if (streamThreads < 1 || streamThreads > 64) {
            throw new InvalidStreamsSettingsException("streamThreads", streamThreads, "use 1 to 64 threads");
        }
        if (standbyReplicas < 0) {
            throw new InvalidStreamsSettingsException("standbyReplicas", standbyReplicas, "use 0 or more");
        }
        if (storeKind == null) {
            throw new InvalidStreamsSettingsException("storeKind", null, "use ROCKSDB or IN_MEMORY");
        }
        requirePositive("startTimeout", startTimeout);
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        // The topology settings validate the rest (token key, horizons, record size, placement).
        new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, storeKind, true, placement);
    }

    /** A builder with every default, for the given cluster, registry and token key. */
    public static Builder builder(String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey) {
        return new Builder(bootstrapServers, schemaRegistryUrl, tokenKey);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** What the commit topology needs of these settings. */
    public TopologySettings topologySettings() {
        return new TopologySettings(tokenKey, dedupHorizon, sceneRecordInterval, maxRecordBytes, storeKind, true,
                placement);
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidStreamsSettingsException(name, value, "use a positive duration such as PT1S");
        }
    }

    private static void requireText(String name, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidStreamsSettingsException(name, value, fix);
        }
    }

    private static void requireHostPort(String value) {
        int colon = value.lastIndexOf(':');
        boolean valid = colon > 0;
        if (valid) {
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                valid = port >= 0 && port <= 65_535;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new InvalidStreamsSettingsException("applicationServer", value,
                    "use host:port as peers reach this instance, e.g. streams-1:7070 (port 0 picks a free one)");
        }
    }

    /** Builds {@link StreamsSettings}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private String applicationId = DEFAULT_APPLICATION_ID;
        private Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "scenelog-streams");
        private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
        private TokenKey tokenKey;
        private Duration dedupHorizon = TopologySettings.DEFAULT_DEDUP_HORIZON;
        private Duration sceneRecordInterval = TopologySettings.DEFAULT_SCENE_RECORD_INTERVAL;
        private long rocksDbMemoryBytes = DEFAULT_ROCKSDB_MEMORY_BYTES;
        private long rocksDbWriteBufferBytes = DEFAULT_ROCKSDB_WRITE_BUFFER_BYTES;
        private Optional<String> applicationServer = Optional.empty();
        private short replicationFactor = 1;
        private int streamThreads = DEFAULT_STREAM_THREADS;
        private int standbyReplicas;
        private StoreKind storeKind = StoreKind.ROCKSDB;
        private int maxRecordBytes = TopologySettings.DEFAULT_MAX_RECORD_BYTES;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private boolean provisionTopics = true;
        private Map<String, String> kafkaOverrides = Map.of();
        private PlacementSettings placement = PlacementSettings.defaults();

        private Builder(String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey) {
            this.bootstrapServers = bootstrapServers;
            this.schemaRegistryUrl = schemaRegistryUrl;
            this.tokenKey = tokenKey;
        }

        private Builder(StreamsSettings s) {
            this(s.bootstrapServers, s.schemaRegistryUrl, s.tokenKey);
            applicationId = s.applicationId;
            stateDir = s.stateDir;
            commitInterval = s.commitInterval;
            dedupHorizon = s.dedupHorizon;
            sceneRecordInterval = s.sceneRecordInterval;
            rocksDbMemoryBytes = s.rocksDbMemoryBytes;
            rocksDbWriteBufferBytes = s.rocksDbWriteBufferBytes;
            applicationServer = s.applicationServer;
            replicationFactor = s.replicationFactor;
            streamThreads = s.streamThreads;
            standbyReplicas = s.standbyReplicas;
            storeKind = s.storeKind;
            maxRecordBytes = s.maxRecordBytes;
            startTimeout = s.startTimeout;
            provisionTopics = s.provisionTopics;
            kafkaOverrides = s.kafkaOverrides;
            placement = s.placement;
        }

        /** See {@link StreamsSettings#applicationId()}. */
        public Builder applicationId(String value) {
            applicationId = value;
            return this;
        }

        /** See {@link StreamsSettings#stateDir()}. */
        public Builder stateDir(Path value) {
            stateDir = value;
            return this;
        }

        /** See {@link StreamsSettings#commitInterval()}. */
        public Builder commitInterval(Duration value) {
            commitInterval = value;
            return this;
        }

        /** See {@link StreamsSettings#dedupHorizon()}. */
        public Builder dedupHorizon(Duration value) {
            dedupHorizon = value;
            return this;
        }

        /** See {@link StreamsSettings#sceneRecordInterval()}. */
        public Builder sceneRecordInterval(Duration value) {
            sceneRecordInterval = value;
            return this;
        }

        /** See {@link StreamsSettings#rocksDbMemoryBytes()} and {@link StreamsSettings#rocksDbWriteBufferBytes()}. */
        public Builder rocksDbMemory(long totalBytes, long writeBufferBytes) {
            rocksDbMemoryBytes = totalBytes;
            rocksDbWriteBufferBytes = writeBufferBytes;
            return this;
        }

        /** See {@link StreamsSettings#applicationServer()}: {@code host:port}, port 0 for a free one. */
        public Builder applicationServer(String hostPort) {
            applicationServer = Optional.ofNullable(hostPort);
            return this;
        }

        /** See {@link StreamsSettings#replicationFactor()}. */
        public Builder replicationFactor(short value) {
            replicationFactor = value;
            return this;
        }

        /** See {@link StreamsSettings#streamThreads()}. */
        public Builder streamThreads(int value) {
            streamThreads = value;
            return this;
        }

        /** See {@link StreamsSettings#standbyReplicas()}. */
        public Builder standbyReplicas(int value) {
            standbyReplicas = value;
            return this;
        }

        /** See {@link StreamsSettings#storeKind()}. */
        public Builder storeKind(StoreKind value) {
            storeKind = value;
            return this;
        }

        /** See {@link StreamsSettings#maxRecordBytes()}. */
        public Builder maxRecordBytes(int value) {
            maxRecordBytes = value;
            return this;
        }

        /** See {@link StreamsSettings#startTimeout()}. */
        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        /** See {@link StreamsSettings#provisionTopics()}. */
        public Builder provisionTopics(boolean value) {
            provisionTopics = value;
            return this;
        }

        /** See {@link StreamsSettings#kafkaOverrides()}. */
        public Builder kafkaOverrides(Map<String, String> value) {
            kafkaOverrides = value;
            return this;
        }

        /** See {@link StreamsSettings#placement()}. */
        public Builder placement(PlacementSettings value) {
            placement = value;
            return this;
        }

        /**
         * @throws InvalidStreamsSettingsException naming the first unusable setting and the fix
         */
        public StreamsSettings build() {
            return new StreamsSettings(bootstrapServers, schemaRegistryUrl, applicationId, stateDir, commitInterval,
                    tokenKey, dedupHorizon, sceneRecordInterval, rocksDbMemoryBytes, rocksDbWriteBufferBytes,
                    applicationServer, replicationFactor, streamThreads, standbyReplicas, storeKind, maxRecordBytes,
                    startTimeout, provisionTopics, kafkaOverrides, placement);
        }
    }
}
