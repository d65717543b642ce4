package io.scenelog.renderer.node;

import io.scenelog.streams.auth.TokenKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a render node agent needs, validated on construction (a bad value fails at start-up naming the setting
 * and the fix). Build with {@link #builder}; every setting not named there has a default.
 *
 * @param nodeId                the node's id, stable across restarts of the agent (its key in {@code render-nodes})
 * @param capacity              how many sessions (renderer processes) the node hosts at once
 * @param host                  the host name bridges reach this node's renderers at (frame endpoints, heartbeats)
 * @param bindHost              the interface renderers' frame endpoints listen on
 * @param bootstrapServers      the Kafka cluster, {@code host:port[,host:port]}
 * @param kafkaOverrides        further Kafka client configs (e.g. security), for the agent and its renderers
 * @param schemaRegistryUrl     the schema registry, {@code http://host:port}
 * @param tokenKey              the platform token key: the agent signs its control commands with an admin token it
 *                              mints, and hands the key to its renderers in an owner-only file
 * @param heartbeatInterval     how often the node announces itself; platform-streams' node timeout should be a
 *                              few of these
 * @param reconcileInterval     how often the agent compares the sessions assigned to it with its renderers
 * @param readyTimeout          how long a renderer may take to report its frame endpoint before it is killed and
 *                              its session reported lost
 * @param stopGrace             how long a renderer may take to exit after SIGTERM before it is killed
 * @param idleTimeout           a RUNNING session without clients for this long is ended ("idle timeout with no
 *                              clients")
 * @param rendererMainClass     the renderer process's main class
 * @param rendererJvmOptions    JVM options of each renderer process (e.g. -Xmx512m)
 * @param workDirectory         where the agent keeps its files (the token key file)
 * @param cacheDirectory        the node's asset cache, shared by its renderers
 * @param cacheMaxBytes         the most bytes the asset cache may hold
 * @param assetBaseUrl          the REST edge's base URL renderers fetch asset blobs from, {@code http://host:port}
 * @param streamsQueryEndpoints platform-streams' state-query endpoints ({@code host:port}) renderers bootstrap from
 */
public record RenderNodeSettings(String nodeId, int capacity, String host, String bindHost, String bootstrapServers,
        Map<String, String> kafkaOverrides, String schemaRegistryUrl, TokenKey tokenKey, Duration heartbeatInterval,
        Duration reconcileInterval, Duration readyTimeout, Duration stopGrace, Duration idleTimeout,
        String rendererMainClass, List<String> rendererJvmOptions, Path workDirectory, Path cacheDirectory,
        long cacheMaxBytes, String assetBaseUrl, List<String> streamsQueryEndpoints) {

    /** Default for {@link #rendererMainClass()}: the real renderer (renderer/session). */
    public static final String DEFAULT_RENDERER_MAIN = "io.scenelog.renderer.session.SessionRendererMain";
    /** Default for {@link #heartbeatInterval()}. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    /** Default for {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** Default for {@link #readyTimeout()}: a cold JVM, Vulkan start-up and the scene's bootstrap on a busy node. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    /** Default for {@link #cacheMaxBytes()}. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 2L << 30;

    /**
     * @throws InvalidRenderNodeSettingsException naming the setting and the fix
     */
    public RenderNodeSettings {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new InvalidRenderNodeSettingsException("nodeId", nodeId,
                    "use 1 to 128 letters, digits, '.', '_' or '-', stable across restarts (e.g. the host name)");
        }
        if (capacity < 1 || capacity > 256) {
            throw new InvalidRenderNodeSettingsException("capacity", capacity, "give 1 to 256 sessions");
        }
        requireText("host", host, "give the host name bridges reach this node at");
        requireText("bindHost", bindHost, "give an interface address such as 127.0.0.1 or 0.0.0.0");
        requireText("bootstrapServers", bootstrapServers, "give the Kafka cluster as host:port[,host:port]");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        requireHttp("schemaRegistryUrl", schemaRegistryUrl);
        if (tokenKey == null) {
            throw new InvalidRenderNodeSettingsException("tokenKey", null, "give the platform's token key (base64)");
        }
        requireBetween("heartbeatInterval", heartbeatInterval, Duration.ofMillis(50), Duration.ofMinutes(1));
        requireBetween("reconcileInterval", reconcileInterval, Duration.ofMillis(10), Duration.ofSeconds(30));
        requireBetween("readyTimeout", readyTimeout, Duration.ofMillis(100), Duration.ofMinutes(30));
        requireBetween("stopGrace", stopGrace, Duration.ZERO, Duration.ofMinutes(5));
        requireBetween("idleTimeout", idleTimeout, Duration.ofMillis(100), Duration.ofDays(7));
        if (rendererMainClass == null || !rendererMainClass.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
            throw new InvalidRenderNodeSettingsException("rendererMainClass", rendererMainClass,
                    "give a fully qualified class name such as " + DEFAULT_RENDERER_MAIN);
        }
        rendererJvmOptions = List.copyOf(rendererJvmOptions);
        if (rendererJvmOptions.stream().anyMatch(o -> !o.startsWith("-"))) {
            throw new InvalidRenderNodeSettingsException("rendererJvmOptions", rendererJvmOptions,
                    "give JVM options only, each starting with '-' (e.g. -Xmx512m)");
        }
        if (workDirectory == null) {
            throw new InvalidRenderNodeSettingsException("workDirectory", null, "give a directory the agent owns");
        }
        if (cacheDirectory == null) {
            throw new InvalidRenderNodeSettingsException("cacheDirectory", null, "give the asset cache directory");
        }
        if (cacheMaxBytes < (1L << 20)) {
            throw new InvalidRenderNodeSettingsException("cacheMaxBytes", cacheMaxBytes, "give at least 1 MiB");
        }
        requireHttp("assetBaseUrl", assetBaseUrl);
        streamsQueryEndpoints = List.copyOf(streamsQueryEndpoints);
        if (streamsQueryEndpoints.isEmpty()
                || streamsQueryEndpoints.stream().anyMatch(e -> !e.matches("[^/:]+:\\d+"))) {
            throw new InvalidRenderNodeSettingsException("streamsQueryEndpoints", streamsQueryEndpoints,
                    "give platform-streams' query endpoints as host:port");
        }
    }

    /**
     * A builder with every default for one node of a platform.
     *
     * @param nodeId the node's stable id
     */
    public static Builder builder(String nodeId, String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey,
            Path workDirectory) {
        return new Builder(nodeId, bootstrapServers, schemaRegistryUrl, tokenKey, workDirectory);
    }

    private static void requireText(String name, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidRenderNodeSettingsException(name, value, fix);
        }
    }

    private static void requireHttp(String name, String value) {
        if (value == null || !value.matches("https?://[^/\\s]+/?")) {
            throw new InvalidRenderNodeSettingsException(name, value, "give http://host:port");
        }
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidRenderNodeSettingsException(name, value, "give a duration from " + min + " to " + max);
        }
    }

    /** Builds {@link RenderNodeSettings}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String nodeId;
        private final String bootstrapServers;
        private final String schemaRegistryUrl;
        private final TokenKey tokenKey;
        private final Path workDirectory;
        private int capacity = 4;
        private String host = "127.0.0.1";
        private String bindHost = "127.0.0.1";
        private Map<String, String> kafkaOverrides = Map.of();
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration reconcileInterval = Duration.ofMillis(200);
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Duration stopGrace = Duration.ofSeconds(5);
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private String rendererMainClass = DEFAULT_RENDERER_MAIN;
        private List<String> rendererJvmOptions = List.of();
        private Path cacheDirectory;
        private long cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
        private String assetBaseUrl = "http://127.0.0.1:8080";
        private List<String> streamsQueryEndpoints = List.of("127.0.0.1:7070");

        private Builder(String nodeId, String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey,
                Path workDirectory) {
            this.nodeId = nodeId;
            this.bootstrapServers = bootstrapServers;
            this.schemaRegistryUrl = schemaRegistryUrl;
            this.tokenKey = tokenKey;
            this.workDirectory = workDirectory;
            this.cacheDirectory = workDirectory == null ? null : workDirectory.resolve("asset-cache");
        }

        /** See {@link RenderNodeSettings#capacity()}. */
        public Builder capacity(int value) {
            capacity = value;
            return this;
        }

        /** See {@link RenderNodeSettings#host()} and {@link RenderNodeSettings#bindHost()}. */
        public Builder hosts(String advertised, String bind) {
            host = advertised;
            bindHost = bind;
            return this;
        }

        /** See {@link RenderNodeSettings#kafkaOverrides()}. */
        public Builder kafkaOverrides(Map<String, String> value) {
            kafkaOverrides = value;
            return this;
        }

        /** See {@link RenderNodeSettings#heartbeatInterval()}. */
        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = value;
            return this;
        }

        /** See {@link RenderNodeSettings#reconcileInterval()}. */
        public Builder reconcileInterval(Duration value) {
            reconcileInterval = value;
            return this;
        }

        /** See {@link RenderNodeSettings#readyTimeout()}. */
        public Builder readyTimeout(Duration value) {
            readyTimeout = value;
            return this;
        }

        /** See {@link RenderNodeSettings#stopGrace()}. */
        public Builder stopGrace(Duration value) {
            stopGrace = value;
            return this;
        }

        /** See {@link RenderNodeSettings#idleTimeout()}. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** See {@link RenderNodeSettings#rendererMainClass()} and {@link RenderNodeSettings#rendererJvmOptions()}. */
        public Builder renderer(String mainClass, List<String> jvmOptions) {
            rendererMainClass = mainClass;
            rendererJvmOptions = jvmOptions;
            return this;
        }

        /** See {@link RenderNodeSettings#cacheDirectory()} and {@link RenderNodeSettings#cacheMaxBytes()}. */
        public Builder cache(Path directory, long maxBytes) {
            cacheDirectory = directory;
            cacheMaxBytes = maxBytes;
            return this;
        }

        /** See {@link RenderNodeSettings#assetBaseUrl()}. */
        public Builder assetBaseUrl(String value) {
            assetBaseUrl = value;
            return this;
        }

        /** See {@link RenderNodeSettings#streamsQueryEndpoints()}. */
        public Builder streamsQueryEndpoints(List<String> value) {
            streamsQueryEndpoints = value;
            return this;
        }

        /**
         * @throws InvalidRenderNodeSettingsException naming the first unusable setting and the fix
         */
        public RenderNodeSettings build() {
            return new RenderNodeSettings(nodeId, capacity, host, bindHost, bootstrapServers, kafkaOverrides,
                    schemaRegistryUrl, tokenKey, heartbeatInterval, reconcileInterval, readyTimeout, stopGrace,
                    idleTimeout, rendererMainClass, rendererJvmOptions, workDirectory, cacheDirectory, cacheMaxBytes,
                    assetBaseUrl, streamsQueryEndpoints);
        }
    }
}
