package io.scenelog.renderer.session.internal;

import io.scenelog.renderer.session.InvalidSessionRendererSettingsException;
import io.scenelog.renderer.session.SessionRendererSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command-line form of {@link SessionRendererSettings}: one {@code --name=value} per setting, Kafka overrides as
 * {@code --kafka.<config>=<value>}. Both directions go through one table of names, so that what {@code format}
 * writes {@code parse} reads.
 */
public final class SettingsArguments {

    private static final String KAFKA_PREFIX = "kafka.";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final List<String> REQUIRED = List.of("session-id", "scene-id", "bootstrap-servers",
            "schema-registry-url", "streams-query", "token-key-file", "cache-directory", "asset-base-url");

    private static final List<String> KNOWN = List.of("session-id", "scene-id", "node-id", "bootstrap-servers",
            "schema-registry-url", "streams-query", "token-key-file", "bind-host", "advertised-host", "frame-port",
            "cache-directory", "cache-max-bytes", "asset-base-url", "default-fps", "default-bitrate-kbps",
            "max-clients", "heartbeat-interval", "heartbeat-timeout", "hello-timeout", "idle-timeout",
            "send-queue-frames", "send-queue-bytes");

    /** The defaults of the optional settings, in argument syntax (documented in the README). */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("node-id", "local"),
            Map.entry("bind-host", SessionRendererSettings.DEFAULT_HOST),
            Map.entry("advertised-host", SessionRendererSettings.DEFAULT_HOST),
            Map.entry("frame-port", "0"),
            Map.entry("cache-max-bytes", Long.toString(2L << 30)),
            Map.entry("default-fps", "30"),
            Map.entry("default-bitrate-kbps", "2000"),
            Map.entry("max-clients", "8"),
            Map.entry("heartbeat-interval", "5s"),
            Map.entry("heartbeat-timeout", "15s"),
            Map.entry("hello-timeout", "5s"),
            Map.entry("idle-timeout", "10m"),
            Map.entry("send-queue-frames", "256"),
            Map.entry("send-queue-bytes", Long.toString(64L << 20)));

    private SettingsArguments() {
    }

    /** The settings as arguments, in a stable order. */
    public static List<String> format(SessionRendererSettings settings) {
        List<String> arguments = new ArrayList<>();
        values(settings).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        new TreeMap<>(settings.kafkaOverrides()).forEach((key, value) ->
                arguments.add("--" + KAFKA_PREFIX + key + "=" + value));
        return List.copyOf(arguments);
    }

    /** Reads arguments over the defaults. */
    public static SessionRendererSettings parse(String[] arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 3) {
                throw new InvalidSessionRendererSettingsException(argument.replaceFirst("^-*", ""), "(missing)",
                        "write each setting as --name=value");
            }
            String name = argument.substring(2, equals);
            String value = argument.substring(equals + 1);
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                kafka.put(name.substring(KAFKA_PREFIX.length()), value);
            } else if (values.put(name, value) != null) {
                throw new InvalidSessionRendererSettingsException(name, value, "give each setting once");
            }
        }
        for (String required : REQUIRED) {
            if (!values.containsKey(required)) {
                throw new InvalidSessionRendererSettingsException(required, "(missing)", "this setting is required");
            }
        }
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(values);
        return build(all, kafka);
    }

    /** The same settings with one changed. */
    public static SessionRendererSettings with(SessionRendererSettings settings, String name, String value) {
        Map<String, String> values = values(settings);
        if (!values.containsKey(name)) {
            throw unknown(name, value);
        }
        values.put(name, value);
        return build(values, settings.kafkaOverrides());
    }

    /** A duration as an operator writes it: {@code 250ms}, {@code 15s}, {@code 10m}, {@code 2h}. */
    public static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Settings from the required values and every default. */
    public static SessionRendererSettings defaults(Map<String, String> required) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.putAll(required);
        return build(values, Map.of());
    }

    private static Map<String, String> values(SessionRendererSettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("session-id", s.sessionId().toString());
        values.put("scene-id", s.sceneId().toString());
        values.put("node-id", s.nodeId());
        values.put("bootstrap-servers", s.bootstrapServers());
        values.put("schema-registry-url", s.schemaRegistryUrl());
        values.put("streams-query", String.join(",", s.streamsQueryEndpoints()));
        values.put("token-key-file", s.tokenKeyFile().toString());
        values.put("bind-host", s.bindHost());
        values.put("advertised-host", s.advertisedHost());
        values.put("frame-port", Integer.toString(s.framePort()));
        values.put("cache-directory", s.cacheDirectory().toString());
        values.put("cache-max-bytes", Long.toString(s.cacheMaxBytes()));
        values.put("asset-base-url", s.assetBaseUrl());
        values.put("default-fps", Integer.toString(s.defaultFps()));
        values.put("default-bitrate-kbps", Integer.toString(s.defaultBitrateKbps()));
        values.put("max-clients", Integer.toString(s.maxClients()));
        values.put("heartbeat-interval", formatDuration(s.heartbeatInterval()));
        values.put("heartbeat-timeout", formatDuration(s.heartbeatTimeout()));
        values.put("hello-timeout", formatDuration(s.helloTimeout()));
        values.put("idle-timeout", formatDuration(s.idleTimeout()));
        values.put("send-queue-frames", Integer.toString(s.sendQueueFrames()));
        values.put("send-queue-bytes", Long.toString(s.sendQueueBytes()));
        return values;
    }

    private static SessionRendererSettings build(Map<String, String> v, Map<String, String> kafka) {
        for (String name : v.keySet()) {
            if (!KNOWN.contains(name)) {
                throw unknown(name, v.get(name));
            }
        }
        return new SessionRendererSettings(uuid(v, "session-id"), uuid(v, "scene-id"), v.get("node-id"),
                v.get("bootstrap-servers"), kafka, v.get("schema-registry-url"),
                Arrays.stream(v.get("streams-query").split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
                path(v, "token-key-file"), v.get("bind-host"), v.get("advertised-host"), integer(v, "frame-port"),
                path(v, "cache-directory"), number(v, "cache-max-bytes"), v.get("asset-base-url"),
                integer(v, "default-fps"), integer(v, "default-bitrate-kbps"), integer(v, "max-clients"),
                duration(v, "heartbeat-interval"), duration(v, "heartbeat-timeout"), duration(v, "hello-timeout"),
                duration(v, "idle-timeout"), integer(v, "send-queue-frames"), number(v, "send-queue-bytes"));
    }

    private static InvalidSessionRendererSettingsException unknown(String name, String value) {
        return new InvalidSessionRendererSettingsException(name, value, "no such setting; known are " + KNOWN
                + " and --kafka.<config>");
    }

    private static UUID uuid(Map<String, String> values, String name) {
        try {
            return UUID.fromString(values.get(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidSessionRendererSettingsException(name, values.get(name), "give a UUID");
        }
    }

    private static Path path(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value.isBlank()) {
            throw new InvalidSessionRendererSettingsException(name, value, "give a path");
        }
        return Path.of(value);
    }

    private static int integer(Map<String, String> values, String name) {
        long value = number(values, name);
        if (value != (int) value) {
            throw new InvalidSessionRendererSettingsException(name, value, "give a smaller whole number");
        }
        return (int) value;
    }

    private static long number(Map<String, String> values, String name) {
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw new InvalidSessionRendererSettingsException(name, values.get(name), "give a whole number");
        }
    }

    private static Duration duration(Map<String, String> values, String name) {
        Matcher matcher = DURATION.matcher(values.get(name));
        if (!matcher.matches()) {
            throw new InvalidSessionRendererSettingsException(name, values.get(name),
                    "give a duration such as 500ms, 15s, 10m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
