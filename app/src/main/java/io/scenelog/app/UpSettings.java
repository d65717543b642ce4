package io.scenelog.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code scenelog up} runs with, validated once at start-up.
 *
 * @param dataDirectory  everything the platform stores on this machine lives below it (Kafka's log under
 *                       {@code kafka/}); reusing it after a restart keeps all data
 * @param host           the interface every server binds to and advertises
 * @param kafkaPort      Kafka's client listener
 * @param controllerPort Kafka's KRaft controller listener
 * @param httpPort       the edge's HTTP port (REST API and schema registry)
 * @param bridgePort     the Livelink bridge's HTTP port (WebSockets and the viewer page)
 * @param brokerHeap     the broker JVM's heap cap, e.g. {@code 512m}
 * @param commitInterval how often platform-streams commits (committed events become visible then)
 * @param renderCapacity how many sessions the one render node renders at once (one renderer process each); 0 starts
 *                       no render node (sessions then wait, and viewers see no video)
 */
record UpSettings(Path dataDirectory, String host, int kafkaPort, int controllerPort, int httpPort, int bridgePort,
        String brokerHeap, Duration commitInterval, int renderCapacity) {

    UpSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an interface, e.g. 127.0.0.1");
        }
        requirePort("--kafka-port", kafkaPort);
        requirePort("--controller-port", controllerPort);
        requirePort("--http-port", httpPort);
        if (kafkaPort != 0 && kafkaPort == controllerPort) {
            throw new IllegalArgumentException("--kafka-port and --controller-port are both " + kafkaPort
                    + ": give each its own port");
        }
        if (httpPort != 0 && (httpPort == kafkaPort || httpPort == controllerPort)) {
            throw new IllegalArgumentException("--http-port " + httpPort + " is already used for Kafka: "
                    + "choose another port");
        }
        requirePort("--bridge-port", bridgePort);
        if (bridgePort != 0 && (bridgePort == kafkaPort || bridgePort == controllerPort || bridgePort == httpPort)) {
            throw new IllegalArgumentException("--bridge-port " + bridgePort + " is already used for Kafka or the "
                    + "REST API: choose another port");
        }
        if (commitInterval == null || commitInterval.toMillis() < 1) {
            throw new IllegalArgumentException("--commit-interval-ms must be at least 1, e.g. 20");
        }
        if (renderCapacity < 0 || renderCapacity > 64) {
            throw new IllegalArgumentException("--render-capacity " + renderCapacity + " is out of range: give 0 "
                    + "(no render node) to 64 sessions");
        }
    }

    /** Where the broker keeps its log. */
    Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    /** Where platform-streams keeps its state stores. */
    Path streamsDirectory() {
        return dataDirectory.resolve("streams");
    }

    /** Where uploaded asset blobs live, content-addressed. */
    Path blobDirectory() {
        return dataDirectory.resolve("blobs");
    }

    /** The render node's own files; its asset cache lives in {@code cache/} below. */
    Path renderNodeDirectory() {
        return dataDirectory.resolve("render-node");
    }

    /** The platform's token key: generated on the first start, reused after (tokens stay valid). */
    Path tokenKeyFile() {
        return dataDirectory.resolve("secrets").resolve("token.key");
    }

    private static void requirePort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " " + port + " is not a TCP port: use 1-65535, "
                    + "or 0 for any free port");
        }
    }
}
