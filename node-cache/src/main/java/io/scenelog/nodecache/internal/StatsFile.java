package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The counters of every process of the node, summed in {@code stats.properties} so that {@code scenelog cache
 * status} can print them without a running node. Each process adds what it counted since its last flush, under the
 * stats lock, and replaces the file by a rename (a reader never sees half a file).
 */
public final class StatsFile {

    /** What is counted. */
    public enum Counter { HITS, MISSES, BYTES_SERVED, BYTES_FETCHED, EVICTIONS, VERIFICATION_FAILURES, DENIED }

    private final CacheDirectory directory;

    public StatsFile(CacheDirectory directory) {
        this.directory = directory;
    }

    /** The totals on disk; all zero when nothing was flushed yet. */
    public static Map<Counter, Long> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            // No process has flushed yet: every counter is zero.
            properties.clear();
        }
        Map<Counter, Long> totals = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            String value = properties.getProperty(key(counter), "0");
            try {
                totals.put(counter, Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new IOException("Counter " + key(counter) + " in " + file + " is not a number: '" + value
                        + "'; delete the file to reset the counters", e);
            }
        }
        return totals;
    }

    /** Adds deltas to the totals on disk. */
    public void add(Map<Counter, Long> deltas) throws IOException {
        if (deltas.values().stream().allMatch(delta -> delta == 0)) {
            return;
        }
        try (FileLocks.Held lock = FileLocks.exclusive(directory.statsLock())) {
            Map<Counter, Long> totals = read(directory.statsFile());
            Properties properties = new Properties();
            for (Counter counter : Counter.values()) {
                long value = totals.get(counter) + deltas.getOrDefault(counter, 0L);
                properties.setProperty(key(counter), Long.toString(value));
            }
            Path temp = directory.statsFile().resolveSibling("stats.properties.tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "node-cache counters of every process of this node since the directory was made");
            }
            Files.move(temp, directory.statsFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String key(Counter counter) {
        return counter.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
