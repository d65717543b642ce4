package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CacheStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads a cache directory's status from disk alone: its blobs, the bound last configured, the counters. */
public final class CacheStatusReader {

    private static final String MAX_BYTES = "max.bytes";

    private CacheStatusReader() {
    }

    /** The status with a known bound. */
    public static CacheStatus read(CacheDirectory directory, long maxBytes) throws IOException {
        List<CacheDirectory.BlobEntry> entries = directory.scan();
        Map<StatsFile.Counter, Long> counters = StatsFile.read(directory.statsFile());
        return new CacheStatus(entries.size(), entries.stream().mapToLong(CacheDirectory.BlobEntry::size).sum(),
                maxBytes, counters.get(StatsFile.Counter.HITS), counters.get(StatsFile.Counter.MISSES));
    }

    /** The status with the bound the last process to open the directory configured (-1 when none did). */
    public static CacheStatus read(CacheDirectory directory) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(directory.settingsFile())) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            // No node opened this directory yet (or an older one): the bound is unknown.
            properties.clear();
        }
        long maxBytes;
        try {
            maxBytes = Long.parseLong(properties.getProperty(MAX_BYTES, "-1").strip());
        } catch (NumberFormatException e) {
            throw new IOException("Setting " + MAX_BYTES + " in " + directory.settingsFile() + " is not a number", e);
        }
        return read(directory, maxBytes);
    }

    /** Records the configured bound for the status command. */
    public static void recordMaxBytes(CacheDirectory directory, long maxBytes) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(MAX_BYTES, Long.toString(maxBytes));
        var temp = Files.createTempFile(directory.root(), "node-cache-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "The bound the node cache last opened with, for scenelog cache status");
            }
            Files.move(temp, directory.settingsFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
