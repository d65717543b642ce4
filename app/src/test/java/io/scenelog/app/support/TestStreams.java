package io.scenelog.app.support;

import io.scenelog.app.kafka.OffsetMarks;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.testkit.UniqueNames;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * A platform-streams instance for one test class, on the shared broker and the {@link TestPlatform} registry. It
 * gets a fresh application id that starts at the current end of the input topics, so it neither reprocesses the
 * actions of earlier tests nor competes with another test's pipeline; its token key lives in a temporary file, as
 * {@code scenelog up} keeps one.
 */
public final class TestStreams implements AutoCloseable {

    /** Low, so tests wait little for commits. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(20);

    private final Path directory;
    private final Path keyFile;
    private final TokenKey key;
    private final String applicationId;
    private PlatformStreams platform;

    private TestStreams(String name) throws IOException {
        this.directory = Files.createTempDirectory("scenelog-test-streams-");
        this.keyFile = directory.resolve("secrets").resolve("token.key");
        this.key = TokenKeyFile.loadOrCreate(keyFile).key();
        this.applicationId = UniqueNames.transactionalId("scenelog-test-" + name);
    }

    /** Starts an in-process pipeline (a new application starting at the end of the input topics). */
    public static TestStreams start(String name) {
        try {
            TestStreams streams = new TestStreams(name);
            streams.startAtEnd();
            streams.platform = PlatformStreams.start(streams.settings());
            return streams;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test pipeline's directory", e);
        }
    }

    /** A pipeline's identity without starting it in-process (for a pipeline run as a child process). */
    public static TestStreams prepare(String name) {
        try {
            TestStreams streams = new TestStreams(name);
            streams.startAtEnd();
            return streams;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test pipeline's directory", e);
        }
    }

    public TokenKey key() {
        return key;
    }

    public Path keyFile() {
        return keyFile;
    }

    public String applicationId() {
        return applicationId;
    }

    /** Where the pipeline's state stores live. */
    public Path stateDirectory() {
        return directory.resolve("state");
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test pipeline's directory " + directory, e);
        }
    }

    private StreamsSettings settings() {
        return StreamsSettings.builder(TestPlatform.bootstrapServers(), TestPlatform.registryUrl().toString(), key)
                .applicationId(applicationId)
                .stateDir(stateDirectory())
                .commitInterval(COMMIT_INTERVAL)
                .provisionTopics(false)
                .build();
    }

    private void startAtEnd() {
        TestPlatform.bootstrapServers();
        try (Admin admin = KafkaTestClients.admin()) {
            OffsetMarks.startAtEnd(admin, applicationId, List.of(Topics.SCENE_ACTIONS.name(),
                    Topics.SCENE_CONTROL.name()), Topics.SCENE_PARTITIONS);
        }
    }
}
