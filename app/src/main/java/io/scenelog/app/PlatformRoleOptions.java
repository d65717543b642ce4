package io.scenelog.app;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a role that joins a running platform needs besides Kafka: the registry, the platform's token key and the
 * pipeline's state-query endpoints; shared by {@code bridge} and {@code render-node}.
 */
final class PlatformRoleOptions {

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "${env:SCENELOG_REGISTRY_URL:-"
            + "http://127.0.0.1:8080}",
            description = "The schema registry (the edge) (env SCENELOG_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--token-key-file", paramLabel = "FILE", required = true,
            defaultValue = "${env:SCENELOG_TOKEN_KEY_FILE}",
            description = "The platform's token key (base64), the same file the edge and the streams instances use "
                    + "(env SCENELOG_TOKEN_KEY_FILE).")
    Path tokenKeyFile;

    @Option(names = "--streams-query", paramLabel = "HOST:PORT", split = ",", required = true,
            defaultValue = "${env:SCENELOG_STREAMS_QUERY}",
            description = "The platform-streams instances' --application-server addresses, comma-separated "
                    + "(env SCENELOG_STREAMS_QUERY).")
    List<String> streamsQuery;
}
