package io.scenelog.bridge;

import io.scenelog.streams.auth.TokenKey;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a Livelink bridge needs to run, validated on construction: a bad value fails at start-up with a message
 * naming the setting and the fix ({@link InvalidBridgeSettingsException}). Build with {@link #builder}; every setting
 * but the cluster, the registry and the token key has a default.
 *
 * @param host               the interface to listen on
 * @param port               the HTTP/WebSocket port; 0 picks a free one
 * @param bootstrapServers   the Kafka cluster, {@code host:port[,host:port]}
 * @param kafkaOverrides     further Kafka client configs (e.g. security) applied to every producer and consumer
 * @param schemaRegistryUrl  the schema registry, {@code http://host:port}
 * @param tokenKey           the key client tokens are signed with (the bridge verifies them, and mints short
 *                           cleanup tokens for clients whose own token expired)
 * @param allowedOrigins     browser origins ({@code scheme://host[:port]}) allowed to open a connection, besides the
 *                           bridge's own origin (its viewer page); a request without an Origin header (a program,
 *                           not a browser) is allowed, one with another Origin is answered 403 at the upgrade
 * @param limits             per-connection limits
 * @param helloTimeout       how long a new connection may take to send its Hello
 * @param heartbeatInterval  how often the bridge pings each client (and asks clients to ping)
 * @param heartbeatTimeout   how long a client may stay silent before it is disconnected (IDLE); at least twice the
 *                           interval
 * @param resumeWindowEvents how many recent events the bridge keeps per scene for resuming and joining clients
 * @param resumeWindowBytes  how many bytes of recent events it keeps per scene
 * @param resumeWindowGrace  how long a scene's window outlives its last connection, so reconnects resume from memory
 * @param joinWait           how long a Hello may wait for the bridge's view of the session to show the client (the
 *                           REST join was just acknowledged) before it is refused UNKNOWN_SESSION
 * @param bridgeId           this instance's name in Welcome frames, logs and metrics
 * @param viewerRestBaseUrl  the REST edge the viewer page talks to ({@code http://host:port}); when given, the
 *                           bridge also serves the viewer page ({@code GET /}, {@code /view}); empty serves none
 * @param video              what a client's Configure may ask for, and how the link to a renderer is kept
 */
public record BridgeSettings(String host, int port, String bootstrapServers, Map<String, String> kafkaOverrides,
        String schemaRegistryUrl, TokenKey tokenKey, Set<String> allowedOrigins, BridgeLimits limits,
        Duration helloTimeout, Duration heartbeatInterval, Duration heartbeatTimeout, int resumeWindowEvents,
        long resumeWindowBytes, Duration resumeWindowGrace, Duration joinWait, String bridgeId,
        Optional<String> viewerRestBaseUrl, VideoLimits video) {

    /** Default for {@link #host()}: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default for {@link #port()}. */
    public static final int DEFAULT_PORT = 8082;
    /** The WebSocket path of the Livelink endpoint. */
    public static final String LIVELINK_PATH = "/livelink";

    /**
     * @throws InvalidBridgeSettingsException naming the setting and the fix when a value is unusable
     */
    public BridgeSettings {
        requireText("host", host, "give an interface address such as 127.0.0.1 or 0.0.0.0");
        if (port < 0 || port > 65_535) {
            throw new InvalidBridgeSettingsException("port", port, "use 0 for a free port or 1-65535");
        }
        requireText("bootstrapServers", bootstrapServers, "give the Kafka cluster as host:port[,host:port]");
        kafkaOverrides = Map.copyOf(kafkaOverrides == null ? Map.of() : kafkaOverrides);
        requireText("schemaRegistryUrl", schemaRegistryUrl, "give the registry as http://host:port");
        if (!schemaRegistryUrl.startsWith("http://") && !schemaRegistryUrl.startsWith("https://")) {
            throw new InvalidBridgeSettingsException("schemaRegistryUrl", schemaRegistryUrl, "use http://host:port");
        }
        if (tokenKey == null) {
            throw new InvalidBridgeSettingsException("tokenKey", null, "give the platform's token key (base64)");
        }
        allowedOrigins = Set.copyOf(allowedOrigins == null ? Set.of() : allowedOrigins);
        for (String origin : allowedOrigins) {
            requireOrigin(origin);
        }
        if (limits == null) {
            throw new InvalidBridgeSettingsException("limits", null, "give limits, e.g. BridgeLimits.defaults()");
        }
        requireBetween("helloTimeout", helloTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        requireBetween("heartbeatInterval", heartbeatInterval, Duration.ofMillis(50), Duration.ofMinutes(5));
        requireBetween("heartbeatTimeout", heartbeatTimeout, heartbeatInterval.multipliedBy(2), Duration.ofMinutes(20));
        if (heartbeatTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidBridgeSettingsException("heartbeatTimeout", heartbeatTimeout, "use at most 20 minutes");
        }
        if (resumeWindowEvents < 16) {
            throw new InvalidBridgeSettingsException("resumeWindowEvents", resumeWindowEvents,
                    "keep at least 16 events per scene");
        }
        if (resumeWindowBytes < 64 * 1024) {
            throw new InvalidBridgeSettingsException("resumeWindowBytes", resumeWindowBytes,
                    "keep at least 64 KiB per scene");
        }
        requireBetween("resumeWindowGrace", resumeWindowGrace, Duration.ZERO, Duration.ofHours(1));
        requireBetween("joinWait", joinWait, Duration.ZERO, Duration.ofMinutes(1));
        requireText("bridgeId", bridgeId, "name the instance, e.g. bridge-1");
        viewerRestBaseUrl = viewerRestBaseUrl == null ? Optional.empty() : viewerRestBaseUrl;
        if (viewerRestBaseUrl.isPresent() && !viewerRestBaseUrl.get().startsWith("http://")
                && !viewerRestBaseUrl.get().startsWith("https://")) {
            throw new InvalidBridgeSettingsException("viewerRestBaseUrl", viewerRestBaseUrl.get(),
                    "give the REST edge as http://host:port, or none to serve no viewer page");
        }
        if (video == null) {
            throw new InvalidBridgeSettingsException("video", null, "give video limits, e.g. VideoLimits.defaults()");
        }
    }

    /**
     * A builder with every default and the three settings that have none.
     *
     * @param bootstrapServers  the Kafka cluster
     * @param schemaRegistryUrl the schema registry
     * @param tokenKey          the platform's token key
     */
    public static Builder builder(String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey) {
        return new Builder(bootstrapServers, schemaRegistryUrl, tokenKey);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(bootstrapServers, schemaRegistryUrl, tokenKey);
        builder.host = host;
        builder.port = port;
        builder.kafkaOverrides = kafkaOverrides;
        builder.allowedOrigins = allowedOrigins;
        builder.limits = limits;
        builder.helloTimeout = helloTimeout;
        builder.heartbeatInterval = heartbeatInterval;
        builder.heartbeatTimeout = heartbeatTimeout;
        builder.resumeWindowEvents = resumeWindowEvents;
        builder.resumeWindowBytes = resumeWindowBytes;
        builder.resumeWindowGrace = resumeWindowGrace;
        builder.joinWait = joinWait;
        builder.bridgeId = bridgeId;
        builder.viewerRestBaseUrl = viewerRestBaseUrl;
        builder.video = video;
        return builder;
    }

    private static void requireText(String name, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidBridgeSettingsException(name, value, fix);
        }
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidBridgeSettingsException(name, value, "use between " + min + " and " + max);
        }
    }

    private static void requireOrigin(String origin) {
        String fix = "give origins as scheme://host[:port] without a path, e.g. https://viewer.example.com";
        if (origin == null || origin.isBlank() || origin.endsWith("/")) {
            throw new InvalidBridgeSettingsException("allowedOrigins", origin, fix);
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null
                    && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
                throw new InvalidBridgeSettingsException("allowedOrigins", origin, fix);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidBridgeSettingsException("allowedOrigins", origin, fix);
        }
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {

        private final String bootstrapServers;
        private final String schemaRegistryUrl;
        private final TokenKey tokenKey;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Map<String, String> kafkaOverrides = Map.of();
        private Set<String> allowedOrigins = Set.of();
        private BridgeLimits limits = BridgeLimits.defaults();
        private Duration helloTimeout = Duration.ofSeconds(5);
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        private Duration heartbeatTimeout = Duration.ofSeconds(30);
        private int resumeWindowEvents = 4096;
        private long resumeWindowBytes = 8L * 1024 * 1024;
        private Duration resumeWindowGrace = Duration.ofSeconds(30);
        private Duration joinWait = Duration.ofSeconds(3);
        private String bridgeId = "bridge-" + UUID.randomUUID().toString().substring(0, 8);
        private Optional<String> viewerRestBaseUrl = Optional.empty();
        private VideoLimits video = VideoLimits.defaults();

        private Builder(String bootstrapServers, String schemaRegistryUrl, TokenKey tokenKey) {
            this.bootstrapServers = bootstrapServers;
            this.schemaRegistryUrl = schemaRegistryUrl;
            this.tokenKey = tokenKey;
        }

        /** See {@link BridgeSettings#host()}. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** See {@link BridgeSettings#port()}. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** See {@link BridgeSettings#kafkaOverrides()}. */
        public Builder kafkaOverrides(Map<String, String> value) {
            kafkaOverrides = value;
            return this;
        }

        /** See {@link BridgeSettings#allowedOrigins()}. */
        public Builder allowedOrigins(Set<String> value) {
            allowedOrigins = value;
            return this;
        }

        /** See {@link BridgeSettings#limits()}. */
        public Builder limits(BridgeLimits value) {
            limits = value;
            return this;
        }

        /** See {@link BridgeSettings#helloTimeout()}. */
        public Builder helloTimeout(Duration value) {
            helloTimeout = value;
            return this;
        }

        /** See {@link BridgeSettings#heartbeatInterval()} and {@link BridgeSettings#heartbeatTimeout()}. */
        public Builder heartbeat(Duration interval, Duration timeout) {
            heartbeatInterval = interval;
            heartbeatTimeout = timeout;
            return this;
        }

        /** See {@link BridgeSettings#resumeWindowEvents()} and {@link BridgeSettings#resumeWindowBytes()}. */
        public Builder resumeWindow(int events, long bytes) {
            resumeWindowEvents = events;
            resumeWindowBytes = bytes;
            return this;
        }

        /** See {@link BridgeSettings#resumeWindowGrace()}. */
        public Builder resumeWindowGrace(Duration value) {
            resumeWindowGrace = value;
            return this;
        }

        /** See {@link BridgeSettings#joinWait()}. */
        public Builder joinWait(Duration value) {
            joinWait = value;
            return this;
        }

        /** See {@link BridgeSettings#bridgeId()}. */
        public Builder bridgeId(String value) {
            bridgeId = value;
            return this;
        }

        /** See {@link BridgeSettings#viewerRestBaseUrl()}. */
        public Builder viewer(String restBaseUrl) {
            viewerRestBaseUrl = Optional.ofNullable(restBaseUrl);
            return this;
        }

        /** See {@link BridgeSettings#video()}. */
        public Builder video(VideoLimits value) {
            video = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws InvalidBridgeSettingsException naming the setting and the fix when a value is unusable
         */
        public BridgeSettings build() {
            return new BridgeSettings(host, port, bootstrapServers, kafkaOverrides, schemaRegistryUrl, tokenKey,
                    allowedOrigins, limits, helloTimeout, heartbeatInterval, heartbeatTimeout, resumeWindowEvents,
                    resumeWindowBytes, resumeWindowGrace, joinWait, bridgeId, viewerRestBaseUrl, video);
        }
    }
}
