package io.scenelog.edge;

import io.scenelog.testkit.SharedKafka;

/** Edge servers for integration tests: on the shared broker, on a free port. */
public final class EdgeServers {

    private EdgeServers() {
    }

    /** Starts an edge server on the shared broker and a free port. */
    public static EdgeServer startOnSharedKafka() {
        return EdgeServer.start(EdgeSettings.defaults(SharedKafka.bootstrapServers()).withPort(0));
    }
}
