package io.scenelog.renderer.scene.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Remembers which problems were logged, so that a problem met on every frame (a missing asset, a parent cycle) is
 * logged once instead of 30 times a second. Bounded: past its capacity it forgets everything and may repeat itself.
 */
public final class OnceLog {

    private static final int CAPACITY = 10_000;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Runs {@code log} with the key the first time the key is seen. */
    public void once(String key, Consumer<String> log) {
        if (seen.size() >= CAPACITY) {
            seen.clear();
        }
        if (seen.add(key)) {
            log.accept(key);
        }
    }
}
