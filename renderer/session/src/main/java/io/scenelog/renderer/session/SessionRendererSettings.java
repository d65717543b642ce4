package io.scenelog.renderer.session;

import io.scenelog.renderer.session.internal.SettingsArguments;
import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the renderer process of one session needs, validated on construction: a bad value fails at start-up
 * with a message naming the setting (as its command-line argument) and the fix. The node agent passes them as
 * arguments ({@link #toArguments()}, read back by {@link #fromArguments(String[])}); the token key travels in a file,
 * never on a command line, where any local user could read it.
 *
 * @param sessionId             the session this process renders
 * @param sceneId               the session's scene
 * @param nodeId                the render node it runs on (logs, metrics)
 * @param bootstrapServers      the Kafka cluster, {@code host:port[,host:port]}
 * @param kafkaOverrides        further Kafka client configs (e.g. security) for every client it opens
 * @param schemaRegistryUrl     the schema registry, {@code http://host:port}
 * @param streamsQueryEndpoints platform-streams' state-query endpoints ({@code host:port}) to bootstrap from
 * @param tokenKeyFile          a file holding the platform token key (base64), to verify bridges' service tokens
 * @param bindHost              the interface the frame endpoint (RenderLink) listens on
 * @param advertisedHost        the host bridges connect to ({@code SessionRecord.frameEndpoint})
 * @param framePort             the frame endpoint's port; 0 picks a free one
 * @param cacheDirectory        the node's asset cache directory (shared by the node's renderers)
 * @param cacheMaxBytes         the most bytes the node cache may hold
 * @param assetBaseUrl          the REST edge asset blobs are fetched from on a cache miss, {@code http://host:port}
 * @param defaultFps            frames per second of a stream whose client asks for none, 1 to 120
 * @param defaultBitrateKbps    bitrate of a stream whose client asks for none, 50 to 50,000 kbit/s
 * @param maxClients            the most video streams rendered at once; further clients get VideoStatus FAILED
 * @param heartbeatInterval     how often the renderer pings each bridge connection
 * @param heartbeatTimeout      how long a bridge may stay silent before its connection is closed
 * @param helloTimeout          how long a new bridge connection may take to send its Hello
 * @param idleTimeout           how long the renderer runs with no bridge connected before it stops by itself (so
 *                              that a renderer orphaned by a dead node agent ends); zero for never
 * @param sendQueueFrames       the most messages waiting for one bridge; beyond it video frames are dropped
 * @param sendQueueBytes        the most bytes waiting for one bridge; beyond it video frames are dropped
 */
public record SessionRendererSettings(UUID sessionId, UUID sceneId, String nodeId, String bootstrapServers,
        Map<String, String> kafkaOverrides, String schemaRegistryUrl, List<String> streamsQueryEndpoints,
        Path tokenKeyFile, String bindHost, String advertisedHost, int framePort, Path cacheDirectory,
        long cacheMaxBytes, String assetBaseUrl, int defaultFps, int defaultBitrateKbps, int maxClients,
        Duration heartbeatInterval, Duration heartbeatTimeout, Duration helloTimeout, Duration idleTimeout,
        int sendQueueFrames, long sendQueueBytes) {

    /** Default for {@link #bindHost()} and {@link #advertisedHost()}: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * @throws InvalidSessionRendererSettingsException naming the setting and the fix when a value is unusable
     */
    public SessionRendererSettings {
        require("session-id", sessionId, "give the session's UUID");
        require("scene-id", sceneId, "give the session's scene UUID");
        requireText("node-id", nodeId, "give the render node's id");
        requireText("bootstrap-servers", bootstrapServers, "give the Kafka cluster as host:port[,host:port]");
        kafkaOverrides = Map.copyOf(kafkaOverrides == null ? Map.of() : kafkaOverrides);
        requireHttpUrl("schema-registry-url", schemaRegistryUrl);
        streamsQueryEndpoints = List.copyOf(streamsQueryEndpoints == null ? List.of() : streamsQueryEndpoints);
        if (streamsQueryEndpoints.isEmpty()
                || streamsQueryEndpoints.stream().anyMatch(e -> !e.matches("[^/:]+:\\d+"))) {
            throw new InvalidSessionRendererSettingsException("streams-query", String.join(",", streamsQueryEndpoints),
                    "give platform-streams' query endpoints as host:port[,host:port]");
        }
        require("token-key-file", tokenKeyFile, "give a file holding the platform token key (base64)");
        if (!Files.isReadable(tokenKeyFile)) {
            throw new InvalidSessionRendererSettingsException("token-key-file", tokenKeyFile,
                    "the file does not exist or cannot be read; write the platform token key (base64) into it");
        }
        requireText("bind-host", bindHost, "give an interface address such as 127.0.0.1 or 0.0.0.0");
        requireText("advertised-host", advertisedHost, "give the host name bridges reach this machine by");
        requireBetween("frame-port", framePort, 0, 65_535, "use 0 for a free port or 1-65535");
        require("cache-directory", cacheDirectory, "give the node's asset cache directory");
        requireBetween("cache-max-bytes", cacheMaxBytes, 1L << 20, Long.MAX_VALUE, "give at least 1 MiB (1048576)");
        requireHttpUrl("asset-base-url", assetBaseUrl);
        requireBetween("default-fps", defaultFps, 1, 120, "give 1 to 120 frames per second");
        requireBetween("default-bitrate-kbps", defaultBitrateKbps, 50, 50_000, "give 50 to 50000 kbit/s");
        requireBetween("max-clients", maxClients, 1, 64, "give 1 to 64 video clients");
        requireDuration("heartbeat-interval", heartbeatInterval, Duration.ofMillis(50), Duration.ofMinutes(5));
        requireDuration("heartbeat-timeout", heartbeatTimeout, heartbeatInterval.multipliedBy(2),
                Duration.ofMinutes(20));
        requireDuration("hello-timeout", helloTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        requireDuration("idle-timeout", idleTimeout, Duration.ZERO, Duration.ofDays(1));
        requireBetween("send-queue-frames", sendQueueFrames, 4, 100_000, "give 4 to 100000 messages");
        requireBetween("send-queue-bytes", sendQueueBytes, 1L << 20, 1L << 32, "give 1 MiB to 4 GiB");
    }

    /** Settings with every default, for the session and the platform given; vary them with the {@code with…}s. */
    public static SessionRendererSettings defaults(UUID sessionId, UUID sceneId, String bootstrapServers,
            String schemaRegistryUrl, List<String> streamsQueryEndpoints, Path tokenKeyFile, Path cacheDirectory,
            String assetBaseUrl) {
        return SettingsArguments.defaults(Map.of("session-id", sessionId.toString(), "scene-id", sceneId.toString(),
                "bootstrap-servers", bootstrapServers, "schema-registry-url", schemaRegistryUrl,
                "streams-query", String.join(",", streamsQueryEndpoints), "token-key-file", tokenKeyFile.toString(),
                "cache-directory", cacheDirectory.toString(), "asset-base-url", assetBaseUrl));
    }

    /** The same settings on another node. */
    public SessionRendererSettings withNodeId(String value) {
        return SettingsArguments.with(this, "node-id", value);
    }

    /** The same settings with the frame endpoint on another port (0 for a free one). */
    public SessionRendererSettings withFramePort(int value) {
        return SettingsArguments.with(this, "frame-port", Integer.toString(value));
    }

    /** The same settings with other Kafka client overrides. */
    public SessionRendererSettings withKafkaOverrides(Map<String, String> value) {
        return new SessionRendererSettings(sessionId, sceneId, nodeId, bootstrapServers, value, schemaRegistryUrl,
                streamsQueryEndpoints, tokenKeyFile, bindHost, advertisedHost, framePort, cacheDirectory,
                cacheMaxBytes, assetBaseUrl, defaultFps, defaultBitrateKbps, maxClients, heartbeatInterval,
                heartbeatTimeout, helloTimeout, idleTimeout, sendQueueFrames, sendQueueBytes);
    }

    /**
     * The same settings with one setting changed, by its argument name and in its argument syntax (e.g.
     * {@code with("send-queue-frames", "16")}).
     *
     * @throws InvalidSessionRendererSettingsException when the name is unknown or the value unusable
     */
    public SessionRendererSettings with(String setting, String value) {
        return SettingsArguments.with(this, setting, value);
    }

    /** The settings as command-line arguments, one {@code --name=value} each; {@link #fromArguments} reads them. */
    public List<String> toArguments() {
        return SettingsArguments.format(this);
    }

    /**
     * Reads settings from command-line arguments ({@code --name=value}; {@code --kafka.<config>=<value>} for each
     * Kafka override). Settings left out take their defaults; session, scene, cluster, registry, query endpoints,
     * token key file, cache directory and asset URL are required.
     *
     * @throws InvalidSessionRendererSettingsException naming the argument and the fix
     */
    public static SessionRendererSettings fromArguments(String[] arguments) {
        return SettingsArguments.parse(arguments);
    }

    /** The frame endpoint bridges connect to, once the port is known. */
    public String frameEndpoint(int boundPort) {
        return "tcp://" + (advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost) + ":"
                + boundPort;
    }

    /**
     * Reads the platform token key from {@link #tokenKeyFile()}.
     *
     * @throws InvalidSessionRendererSettingsException when the file cannot be read or holds no valid key
     */
    public TokenKey readTokenKey() {
        try {
            return TokenKey.fromBase64(Files.readString(tokenKeyFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSessionRendererSettingsException("token-key-file", tokenKeyFile,
                    "the file must hold the platform token key in base64 (" + e.getMessage() + ")");
        }
    }

    private static void require(String setting, Object value, String fix) {
        if (value == null) {
            throw new InvalidSessionRendererSettingsException(setting, null, fix);
        }
    }

    private static void requireText(String setting, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidSessionRendererSettingsException(setting, value, fix);
        }
    }

    private static void requireHttpUrl(String setting, String value) {
        if (value == null || !value.matches("https?://[^/\\s]+/?")) {
            throw new InvalidSessionRendererSettingsException(setting, value, "give http://host:port");
        }
    }

    private static void requireBetween(String setting, long value, long min, long max, String fix) {
        if (value < min || value > max) {
            throw new InvalidSessionRendererSettingsException(setting, value, fix);
        }
    }

    private static void requireDuration(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSessionRendererSettingsException(setting, value == null ? null
                    : SettingsArguments.formatDuration(value), "give a duration from "
                    + SettingsArguments.formatDuration(min) + " to " + SettingsArguments.formatDuration(max)
                    + ", e.g. 500ms, 15s or 10m");
        }
    }
}
