package io.scenelog.livelink.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: the initial delay doubled per failed attempt up to a maximum, with ±20 % jitter so
 * that clients dropped together (a bridge shutting down) do not all come back at the same instant, and
 * never less than what the bridge asked for (retryAfterMillis). Not thread-safe: one per client, used by
 * its reconnect sequence only.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * The delay before the next attempt, counting one more failure.
     *
     * @param retryAfterMillis the bridge's retryAfterMillis, or null
     */
    Duration next(Integer retryAfterMillis) {
        long base = initial.toNanos() << Math.min(failures, 30);
        if (base <= 0 || base > max.toNanos()) {
            base = max.toNanos();
        }
        failures++;
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        long delay = (long) (base * jitter);
        if (retryAfterMillis != null) {
            delay = Math.max(delay, Duration.ofMillis(retryAfterMillis).toNanos());
        }
        return Duration.ofNanos(delay);
    }

    /** Starts over after a successful connection. */
    void reset() {
        failures = 0;
    }
}
