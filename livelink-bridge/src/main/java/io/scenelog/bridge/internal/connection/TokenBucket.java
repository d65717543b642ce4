package io.scenelog.bridge.internal.connection;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, at most {@code capacity} saved up. Callers synchronise (a
 * connection's frames arrive one at a time).
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(int ratePerSecond, int capacity, long nowNanos) {
        this.ratePerNano = (double) ratePerSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if there is one. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * ratePerNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
