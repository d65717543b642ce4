package io.scenelog.kafka.embedded;

import io.scenelog.kafka.embedded.internal.BrokerConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/**
 * Immutable, validated settings of a one-node KRaft broker (broker and controller in one node).
 *
 * <p>Create with {@link #defaults(Path)} and adjust with the {@code with…} methods; every
 * constructor call validates, so an invalid value fails at once with a message that names the
 * setting and the fix. A port of {@code 0} means "pick a free port at start" (Kafka itself cannot
 * bind port 0, because the controller port must be written into {@code controller.quorum.voters}).
 *
 * <p>The broker always runs with {@link #oneNodeDefaults()} (replication factor 1 everywhere,
 * small internal topics, no automatic topic creation); {@code configOverrides} may change those
 * and any other broker config except the ones this record manages itself (listeners, roles, node
 * id, quorum voters, log directories).
 *
 * @param dataDirectory   directory owned by this broker: Kafka's log directory lives below it
 * @param host            interface and advertised host of both listeners
 * @param port            client (PLAINTEXT) listener port, 0 to pick a free one
 * @param controllerPort  KRaft controller listener port, 0 to pick a free one
 * @param nodeId          KRaft node id (the single voter of the quorum)
 * @param clusterId       cluster id for a new data directory; empty to generate one. A formatted
 *                        data directory keeps its persisted id (a different id here is an error)
 * @param configOverrides broker configs applied on top of {@link #oneNodeDefaults()}
 * @param startupTimeout  how long {@link EmbeddedKafkaBroker#start} waits for readiness
 */
public record BrokerSettings(
        Path dataDirectory,
        String host,
        int port,
        int controllerPort,
        int nodeId,
        Optional<String> clusterId,
        Map<String, String> configOverrides,
        Duration startupTimeout) {

    /** Host both listeners bind to unless told otherwise: loopback only, safe by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Node id of the single KRaft voter. */
    public static final int DEFAULT_NODE_ID = 1;
    /** Time allowed for formatting, starting and the readiness check. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Validates every setting; see the class documentation for their meaning. */
    public BrokerSettings {
        if (dataDirectory == null) {
            throw new InvalidBrokerSettingsException(
                    "BrokerSettings.dataDirectory is missing: give the broker a directory of its own");
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidBrokerSettingsException("BrokerSettings.host '" + host
                    + "' is not a host name or address: use e.g. " + DEFAULT_HOST);
        }
        requirePort("port", port);
        requirePort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new InvalidBrokerSettingsException("BrokerSettings.port and controllerPort are both "
                    + port + ": give the controller its own port, or 0 to pick a free one");
        }
        if (nodeId < 0) {
            throw new InvalidBrokerSettingsException(
                    "BrokerSettings.nodeId must be 0 or more, was " + nodeId);
        }
        Objects.requireNonNull(clusterId, "clusterId: use Optional.empty() to generate one");
        clusterId.ifPresent(BrokerSettings::requireClusterId);
        Objects.requireNonNull(configOverrides, "configOverrides: use Map.of() for none");
        configOverrides.forEach(BrokerSettings::requireOverride);
        configOverrides = Map.copyOf(configOverrides);
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new InvalidBrokerSettingsException("BrokerSettings.startupTimeout must be positive, was "
                    + startupTimeout + ": use e.g. " + DEFAULT_STARTUP_TIMEOUT);
        }
    }

    /**
     * Settings for a loopback broker on free ports, node id 1, a generated cluster id.
     *
     * @param dataDirectory directory owned by this broker
     * @return the default settings
     */
    public static BrokerSettings defaults(Path dataDirectory) {
        return new BrokerSettings(dataDirectory, DEFAULT_HOST, 0, 0, DEFAULT_NODE_ID,
                Optional.empty(), Map.of(), DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * The broker configs every one-node broker starts with, before {@code configOverrides}.
     *
     * @return an unmodifiable map of Kafka broker config names to values
     */
    public static Map<String, String> oneNodeDefaults() {
        return BrokerConfigs.ONE_NODE_DEFAULTS;
    }

    /** @return a copy with another listener host */
    public BrokerSettings withHost(String newHost) {
        return new BrokerSettings(dataDirectory, newHost, port, controllerPort, nodeId, clusterId,
                configOverrides, startupTimeout);
    }

    /** @return a copy with another client port (0 picks a free one) */
    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(dataDirectory, host, newPort, controllerPort, nodeId, clusterId,
                configOverrides, startupTimeout);
    }

    /** @return a copy with another controller port (0 picks a free one) */
    public BrokerSettings withControllerPort(int newControllerPort) {
        return new BrokerSettings(dataDirectory, host, port, newControllerPort, nodeId, clusterId,
                configOverrides, startupTimeout);
    }

    /** @return a copy with another node id */
    public BrokerSettings withNodeId(int newNodeId) {
        return new BrokerSettings(dataDirectory, host, port, controllerPort, newNodeId, clusterId,
                configOverrides, startupTimeout);
    }

    /** @return a copy that formats a new data directory with this cluster id */
    public BrokerSettings withClusterId(String newClusterId) {
        return new BrokerSettings(dataDirectory, host, port, controllerPort, nodeId,
                Optional.of(newClusterId), configOverrides, startupTimeout);
    }

    /** @return a copy with one more broker config override (replacing an earlier value) */
    public BrokerSettings withConfigOverride(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(configOverrides);
        merged.put(key, value);
        return new BrokerSettings(dataDirectory, host, port, controllerPort, nodeId, clusterId,
                merged, startupTimeout);
    }

    /** @return a copy with another startup timeout */
    public BrokerSettings withStartupTimeout(Duration newStartupTimeout) {
        return new BrokerSettings(dataDirectory, host, port, controllerPort, nodeId, clusterId,
                configOverrides, newStartupTimeout);
    }

    private static void requirePort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new InvalidBrokerSettingsException("BrokerSettings." + name
                    + " must be 0 (pick a free port) or 1-65535, was " + value);
        }
    }

    private static void requireClusterId(String id) {
        try {
            Uuid.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidBrokerSettingsException("BrokerSettings.clusterId '" + id
                    + "' is not a Kafka cluster id (a 22-character base64 UUID such as "
                    + "'MkU3OEVBNTcwNTJENDM2Qg'): leave it empty to generate one", e);
        }
    }

    private static void requireOverride(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new InvalidBrokerSettingsException(
                    "A broker config override has no key: remove the entry or name the config");
        }
        if (BrokerConfigs.MANAGED.contains(key)) {
            throw new InvalidBrokerSettingsException("Broker config override '" + key
                    + "' is managed by BrokerSettings: set host, port, controllerPort, nodeId or "
                    + "dataDirectory instead");
        }
        if (!BrokerConfigs.isKnownBrokerConfig(key)) {
            throw new InvalidBrokerSettingsException("Broker config override '" + key
                    + "' is not a Kafka broker config: check the spelling against "
                    + "https://kafka.apache.org/documentation/#brokerconfigs");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidBrokerSettingsException("Broker config override '" + key
                    + "' has no value: give it one or leave the key out to keep the default");
        }
    }
}
