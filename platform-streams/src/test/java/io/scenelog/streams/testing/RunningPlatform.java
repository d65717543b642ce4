package io.scenelog.streams.testing;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.testkit.SharedKafka;
import io.scenelog.testkit.UniqueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One registry and one pipeline per test JVM on the shared broker, started on first use and stopped at exit:
 * the catalogue topics are shared by every test in the JVM, so a second pipeline would re-process the first one's
 * actions. Tests keep apart by using their own scene ids.
 */
public final class RunningPlatform {

    private static EdgeServer edge;
    private static PlatformStreams platform;

    private RunningPlatform() {
    }

    /** The registry on the shared broker. */
    public static synchronized EdgeServer registry() {
        if (edge == null) {
            edge = EdgeServer.start(EdgeSettings.defaults(SharedKafka.bootstrapServers()).withPort(0));
            Runtime.getRuntime().addShutdownHook(new Thread(edge::close, "test-registry-stop"));
        }
        return edge;
    }

    /** The pipeline, with a low commit interval and a query endpoint on a free port. */
    public static synchronized PlatformStreams platform() {
        if (platform == null) {
            platform = PlatformStreams.start(settings(UniqueNames.transactionalId("platform-it")).build());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "test-platform-stop"));
        }
        return platform;
    }

    /** Settings for a pipeline on the shared broker and registry, in a fresh state directory. */
    public static StreamsSettings.Builder settings(String applicationId) {
        try {
            Path stateDir = Files.createTempDirectory("scenelog-streams-it");
            return StreamsSettings.builder(SharedKafka.bootstrapServers(), registryUrl(), Fixtures.KEY)
                    .applicationId(applicationId)
                    .stateDir(stateDir)
                    .commitInterval(Duration.ofMillis(20))
                    .applicationServer("127.0.0.1:0")
                    .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                    .startTimeout(Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for the test pipeline", e);
        }
    }

    /** The registry's URL without the trailing slash. */
    public static String registryUrl() {
        String uri = registry().baseUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
