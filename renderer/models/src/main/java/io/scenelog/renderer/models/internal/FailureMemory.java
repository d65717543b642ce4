package io.scenelog.renderer.models.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers why an asset failed, for a while, so that a broken or missing asset is not fetched and decoded on every
 * frame; after the retention it is tried again (it may have become available). Holds a bounded number of failures,
 * forgetting the oldest first.
 */
public final class FailureMemory {

    private static final int MAX_ENTRIES = 4096;

    private record Failure(String message, Instant until) {
    }

    private final Duration retention;
    private final InstantSource clock;
    private final LinkedHashMap<String, Failure> failures = new LinkedHashMap<>();

    public FailureMemory(Duration retention, InstantSource clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** Records that the key failed with this message. */
    public void remember(String key, String message) {
        failures.remove(key);
        failures.put(key, new Failure(message, clock.instant().plus(retention)));
        Iterator<Map.Entry<String, Failure>> oldest = failures.entrySet().iterator();
        while (failures.size() > MAX_ENTRIES) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The message of a failure still remembered, or empty when the key may be tried. */
    public Optional<String> recent(String key) {
        Failure failure = failures.get(key);
        if (failure == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(failure.until())) {
            failures.remove(key);
            return Optional.empty();
        }
        return Optional.of(failure.message());
    }
}
