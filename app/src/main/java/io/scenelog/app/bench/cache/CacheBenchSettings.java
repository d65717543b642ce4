package io.scenelog.app.bench.cache;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the cache benchmark runs.
 *
 * @param sizeBytes the asset's size
 * @param readers concurrent renderer-like readers on a cold cache
 * @param rounds timed repetitions of each single-reader measurement (the median is reported)
 * @param json where to write the results as JSON, if anywhere
 * @param markdown where to write them as Markdown, if anywhere
 */
record CacheBenchSettings(int sizeBytes, int readers, int rounds, Optional<Path> json, Optional<Path> markdown) {

    static final int DEFAULT_SIZE_MB = 50;
    static final int DEFAULT_READERS = 10;
    static final int DEFAULT_ROUNDS = 7;

    CacheBenchSettings {
        if (sizeBytes < 1024) {
            throw new IllegalArgumentException("--size-mb must give at least 1 KiB");
        }
        if (readers < 1) {
            throw new IllegalArgumentException("--readers must be at least 1, not " + readers);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
    }
}
