package io.scenelog.edge;

import java.time.Duration;

/**
 * How the edge server listens and reaches Kafka; validated on construction, so a bad value fails
 * at start-up with a message naming the setting and the fix.
 *
 * @param host the interface to listen on
 * @param port the HTTP port; 0 picks a free one
 * @param bootstrapServers the Kafka cluster, {@code host:port[,host:port]}
 * @param replicationFactor replicas of the topics the edge creates (1 on one machine, 3 in a cluster)
 * @param maxRequestBytes the largest request body accepted
 * @param operationTimeout how long one request may wait for Kafka
 * @param bootTimeout how long start-up may take to read the schema registry's log
 */
public record EdgeSettings(String host, int port, String bootstrapServers, short replicationFactor,
        long maxRequestBytes, Duration operationTimeout, Duration bootTimeout) {

    /** Default for {@link #host()}: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default for {@link #port()}: the schema registry's customary port. */
    public static final int DEFAULT_PORT = 8081;
    /** Default for {@link #maxRequestBytes()}: far above any schema, far below a memory problem. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    /** Default for {@link #operationTimeout()}. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link #bootTimeout()}. */
    public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @throws InvalidEdgeSettingsException naming the setting and the fix when a value is unusable
     */
    public EdgeSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidEdgeSettingsException("host", host, "give an interface address such as 127.0.0.1"
                    + " (this machine only) or 0.0.0.0 (every interface)");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidEdgeSettingsException("port", port, "use 0 for a free port or 1-65535");
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new InvalidEdgeSettingsException("bootstrapServers", bootstrapServers,
                    "give the Kafka cluster as host:port[,host:port]");
        }
        if (replicationFactor < 1) {
            throw new InvalidEdgeSettingsException("replicationFactor", replicationFactor,
                    "use 1 on one machine or 3 in a cluster");
        }
        if (maxRequestBytes < 1024) {
            throw new InvalidEdgeSettingsException("maxRequestBytes", maxRequestBytes,
                    "allow at least 1024 bytes; the default is " + DEFAULT_MAX_REQUEST_BYTES);
        }
        requirePositive("operationTimeout", operationTimeout);
        requirePositive("bootTimeout", bootTimeout);
    }

    /** Settings with every default and the given Kafka cluster. */
    public static EdgeSettings defaults(String bootstrapServers) {
        return new EdgeSettings(DEFAULT_HOST, DEFAULT_PORT, bootstrapServers, (short) 1, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_OPERATION_TIMEOUT, DEFAULT_BOOT_TIMEOUT);
    }

    /** A copy listening on another interface. */
    public EdgeSettings withHost(String value) {
        return new EdgeSettings(value, port, bootstrapServers, replicationFactor, maxRequestBytes, operationTimeout,
                bootTimeout);
    }

    /** A copy listening on another port (0 = a free one). */
    public EdgeSettings withPort(int value) {
        return new EdgeSettings(host, value, bootstrapServers, replicationFactor, maxRequestBytes, operationTimeout,
                bootTimeout);
    }

    /** A copy creating topics with another replication factor. */
    public EdgeSettings withReplicationFactor(short value) {
        return new EdgeSettings(host, port, bootstrapServers, value, maxRequestBytes, operationTimeout, bootTimeout);
    }

    /** A copy accepting request bodies up to {@code value} bytes. */
    public EdgeSettings withMaxRequestBytes(long value) {
        return new EdgeSettings(host, port, bootstrapServers, replicationFactor, value, operationTimeout, bootTimeout);
    }

    /** A copy with another per-request Kafka timeout. */
    public EdgeSettings withOperationTimeout(Duration value) {
        return new EdgeSettings(host, port, bootstrapServers, replicationFactor, maxRequestBytes, value, bootTimeout);
    }

    /** A copy with another start-up timeout. */
    public EdgeSettings withBootTimeout(Duration value) {
        return new EdgeSettings(host, port, bootstrapServers, replicationFactor, maxRequestBytes, operationTimeout,
                value);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidEdgeSettingsException(name, value, "use a positive duration such as 10s");
        }
    }
}
