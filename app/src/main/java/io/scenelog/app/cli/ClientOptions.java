package io.scenelog.app.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where a client tool finds the platform: the Kafka cluster and the schema registry. Shared by {@code simulate},
 * {@code tail}, {@code streams} and {@code bench}; the defaults match {@code scenelog up} with its default ports.
 */
public final class ClientOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            defaultValue = "${env:SCENELOG_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env SCENELOG_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:SCENELOG_REGISTRY_URL:-http://127.0.0.1:8080}",
            description = "Schema registry base URL (env SCENELOG_REGISTRY_URL; default: ${DEFAULT-VALUE}, "
                    + "the edge of `scenelog up`).")
    private String registryUrl;

    /** The Kafka cluster, {@code host:port[,host:port]}. */
    public String bootstrapServers() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is empty: give the Kafka cluster as "
                    + "host:port[,host:port]");
        }
        return bootstrapServers.trim();
    }

    /** The registry's base URL, validated. */
    public URI registryUrl() {
        return RegistryUrl.parse(registryUrl);
    }
}
