package io.scenelog.streams.testing;

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
 * One pipeline per test JVM on the shared broker, started on first use and stopped at exit: the catalogue topics are
 * shared by every test in the JVM, so a second pipeline would re-process the first one's actions. Tests keep apart by
 * using their own scene ids.
 *
 * <p>The registry is the in-memory one ({@code mock://}), shared by every serde of the JVM: the real registry lives in
 * rest-edge, which depends on this module. The launcher's integration tests run the pipeline against the real one.
 */
public final class RunningPlatform {

    private static final String REGISTRY_URL = "mock://platform-streams-it";

    private static PlatformStreams platform;

    private RunningPlatform() {
    }

    /** The pipeline, with a low commit interval and a query endpoint on a free port. */
    public static synchronized PlatformStreams platform() {
        if (platform == null) {
            platform = PlatformStreams.start(settings(UniqueNames.transactionalId("platform-it")).build());
            SharedKafka.closeBeforeBroker(platform::close);
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

    /** The registry every serde of the test JVM shares. */
    public static String registryUrl() {
        return REGISTRY_URL;
    }
}
