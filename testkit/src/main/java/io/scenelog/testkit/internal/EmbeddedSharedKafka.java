package io.scenelog.testkit.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.testkit.SharedKafka.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded KRaft broker, with its data in a temporary directory removed on close. */
final class EmbeddedSharedKafka implements RunningKafka {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSharedKafka.class);

    private final Path directory;
    private final EmbeddedKafkaBroker broker;

    private EmbeddedSharedKafka(Path directory, EmbeddedKafkaBroker broker) {
        this.directory = directory;
        this.broker = broker;
    }

    static EmbeddedSharedKafka start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("scenelog-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the shared test broker", e);
        }
        return new EmbeddedSharedKafka(directory, EmbeddedKafkaBroker.start(BrokerSettings.defaults(directory)));
    }

    @Override
    public Mode mode() {
        return Mode.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            LOG.warn("Cannot list the shared test broker's data directory {} for removal; it stays behind.",
                    root, e);
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Cannot remove {} of the shared test broker's data; it stays behind.", path, e);
            }
        }
    }
}
