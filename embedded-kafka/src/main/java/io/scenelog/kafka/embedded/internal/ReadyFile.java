package io.scenelog.kafka.embedded.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The file a broker process writes into its data directory once clients can use it, and removes
 * when it stops. It names the writer's pid, so a file left behind by a killed broker never passes
 * for the readiness of a new one.
 *
 * @param pid              the broker process
 * @param bootstrapServers its client address
 * @param clusterId        its cluster id
 */
public record ReadyFile(long pid, String bootstrapServers, String clusterId) {

    /** File name inside the data directory. */
    public static final String FILE_NAME = "broker.ready";

    /**
     * Writes the file atomically, so a reader sees all of it or nothing.
     *
     * @param dataDirectory the broker's data directory
     */
    public void write(Path dataDirectory) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("bootstrap.servers", bootstrapServers);
        properties.setProperty("cluster.id", clusterId);
        Path target = dataDirectory.resolve(FILE_NAME);
        Path temporary = dataDirectory.resolve(FILE_NAME + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "Written by the Scenelog broker process once it accepts clients");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write broker ready file " + target, e);
        }
    }

    /**
     * @param dataDirectory the broker's data directory
     * @return the file's content, empty when there is none
     */
    public static Optional<ReadyFile> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read broker ready file " + file, e);
        }
        try {
            return Optional.of(new ReadyFile(Long.parseLong(properties.getProperty("pid")),
                    properties.getProperty("bootstrap.servers"), properties.getProperty("cluster.id")));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Broker ready file " + file + " has no valid pid: "
                    + properties, e);
        }
    }

    /**
     * @param dataDirectory the broker's data directory
     */
    public static void delete(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete broker ready file " + file, e);
        }
    }
}
