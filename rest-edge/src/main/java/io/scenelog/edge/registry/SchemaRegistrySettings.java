package io.scenelog.edge.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How a schema registry reaches its log, validated on construction.
 *
 * @param bootstrapServers the Kafka cluster holding the {@code _schemas} topic, {@code host:port[,host:port]}
 * @param replicationFactor replicas of {@code _schemas} if the registry creates it (1 on one machine, 3 in a
 *     cluster)
 * @param operationTimeout how long one registry read or write may wait for Kafka before answering 50002
 * @param bootTimeout how long start-up may take to read the whole log
 */
public record SchemaRegistrySettings(String bootstrapServers, short replicationFactor, Duration operationTimeout,
        Duration bootTimeout) {

    /** Default for {@link #operationTimeout()}. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link #bootTimeout()}. */
    public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @throws IllegalArgumentException naming the setting and the fix when a value is unusable
     */
    public SchemaRegistrySettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Registry setting 'bootstrapServers' is empty: give the Kafka"
                    + " cluster as host:port[,host:port].");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Registry setting 'replicationFactor' is " + replicationFactor
                    + ": use 1 on one machine or 3 in a cluster.");
        }
        requirePositive(operationTimeout, "operationTimeout");
        requirePositive(bootTimeout, "bootTimeout");
    }

    /** Settings with defaults: replication factor 1, the default timeouts. */
    public static SchemaRegistrySettings of(String bootstrapServers) {
        return new SchemaRegistrySettings(bootstrapServers, (short) 1, DEFAULT_OPERATION_TIMEOUT,
                DEFAULT_BOOT_TIMEOUT);
    }

    /** A copy with another replication factor for {@code _schemas}. */
    public SchemaRegistrySettings withReplicationFactor(short value) {
        return new SchemaRegistrySettings(bootstrapServers, value, operationTimeout, bootTimeout);
    }

    /** A copy with another operation timeout. */
    public SchemaRegistrySettings withOperationTimeout(Duration value) {
        return new SchemaRegistrySettings(bootstrapServers, replicationFactor, value, bootTimeout);
    }

    /** A copy with another boot timeout. */
    public SchemaRegistrySettings withBootTimeout(Duration value) {
        return new SchemaRegistrySettings(bootstrapServers, replicationFactor, operationTimeout, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, () -> "Registry setting '" + name + "' is missing.");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Registry setting '" + name + "' is " + value
                    + ": it must be a positive duration, e.g. 10s.");
        }
    }
}
