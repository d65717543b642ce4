package io.scenelog.edge.http.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (the caller picks the key: a token's subject, an API key id), refilled at
 * {@code ratePerSecond} up to {@code burst} tokens. One request takes one token.
 *
 * <p>Each bucket is kept as the time it will next be full (the "theoretical arrival time" of GCRA), which makes a
 * request one comparison and one addition under the bucket's own lock: requests of different keys never contend,
 * and requests of one key hold the lock for nanoseconds.
 *
 * <p>Memory is bounded by {@code maxKeys}. A full bucket behaves exactly like no bucket, so when a new key arrives
 * and the table is full, every full bucket is dropped first, losing nothing. If that frees too little, the buckets
 * closest to full go next: that is the least recently used order weighted by debt, chosen because dropping a
 * bucket forgives its debt, and those buckets forgive the least. Each clean-up frees a tenth of the table, so its
 * cost is spread over the next tenth of new keys.
 *
 * <p>Time comes from a {@code nanoTime} source (monotonic; only differences matter), injectable for tests.
 */
public final class RateLimiter {

    /** Enough for every principal of a large deployment; a bucket costs about a hundred bytes. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** About 36 years: far beyond any sensible refill time, far inside the range of a long. */
    private static final long MAX_SPAN_NANOS = Long.MAX_VALUE / 8;

    private final long intervalNanos;
    private final long toleranceNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Serialises adding keys and cleaning up, so the table never exceeds maxKeys; lookups never take it. */
    private final Object admission = new Object();

    /** A limiter on the system's monotonic clock with room for {@link #DEFAULT_MAX_KEYS} keys. */
    public RateLimiter(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, DEFAULT_MAX_KEYS, System::nanoTime);
    }

    /**
     * @param ratePerSecond sustained requests per second per key, greater than 0 and at most 10^9
     * @param burst requests a key with a full bucket may make at once, at least 1
     * @param maxKeys the most buckets kept at once, at least 1
     * @param nanoTime a monotonic time source in nanoseconds, e.g. {@code System::nanoTime}
     */
    public RateLimiter(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        if (!(ratePerSecond > 0 && ratePerSecond <= NANOS_PER_SECOND)) {
            throw new IllegalArgumentException("ratePerSecond must be greater than 0 and at most 1e9, got "
                    + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / ratePerSecond));
        // A bucket's full time runs at most interval * burst ahead of now; keeping that far from the range of a
        // long keeps the wrap-around arithmetic on nanoTime differences exact.
        if (intervalNanos > MAX_SPAN_NANOS / burst) {
            throw new IllegalArgumentException("ratePerSecond " + ratePerSecond + " with burst " + burst
                    + " spans more than 36 years of refill; raise the rate or lower the burst");
        }
        this.toleranceNanos = intervalNanos * (burst - 1L);
        this.maxKeys = maxKeys;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Takes a token from the key's bucket if it has one. */
    public Decision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        while (true) {
            Bucket bucket = buckets.get(key);
            long wait = bucket == null ? admitAndTake(key)
                    : bucket.tryTake(nanoTime.getAsLong(), intervalNanos, toleranceNanos);
            if (wait == Bucket.EVICTED) {
                continue; // dropped by a clean-up between the lookup and the lock: use the key's new bucket
            }
            return wait == 0 ? Decision.allow() : Decision.deny(Duration.ofNanos(wait));
        }
    }

    /** How many keys have a bucket now; at most {@code maxKeys}. */
    public int trackedKeys() {
        return buckets.size();
    }

    /**
     * Adds the key's bucket and takes its first token under the admission lock, so that no clean-up can drop a new
     * bucket before its first use (a clean-up only ever runs under this lock).
     */
    private long admitAndTake(String key) {
        synchronized (admission) {
            long now = nanoTime.getAsLong();
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                if (buckets.size() >= maxKeys) {
                    makeRoom(now);
                }
                bucket = new Bucket(now);
                buckets.put(key, bucket);
            }
            return bucket.tryTake(now, intervalNanos, toleranceNanos);
        }
    }

    /** Frees at least a tenth of the table (at least one bucket). Runs under the admission lock. */
    private void makeRoom(long now) {
        int target = maxKeys - Math.max(1, maxKeys / 10);
        buckets.entrySet().removeIf(entry -> entry.getValue().evictIfFull(now));
        int excess = buckets.size() - target;
        if (excess <= 0) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>(buckets.size());
        buckets.forEach((key, bucket) -> candidates.add(new Candidate(key, bucket, bucket.debt(now))));
        candidates.sort(Comparator.comparingLong(Candidate::debt));
        for (Candidate candidate : candidates.subList(0, Math.min(excess, candidates.size()))) {
            candidate.bucket().evict();
            buckets.remove(candidate.key(), candidate.bucket());
        }
    }

    /** A bucket considered for eviction, with its debt fixed at the time of the clean-up. */
    private record Candidate(String key, Bucket bucket, long debt) {
    }

    /** One key's bucket: the time it is next full, or an eviction mark that sends a late caller back. */
    private static final class Bucket {

        static final long EVICTED = -1;

        private long fullAt;
        private boolean evicted;

        Bucket(long now) {
            this.fullAt = now;
        }

        /** 0 when a token was taken, the nanoseconds until the next token otherwise, or {@link #EVICTED}. */
        synchronized long tryTake(long now, long interval, long tolerance) {
            if (evicted) {
                return EVICTED;
            }
            // Differences, not comparisons, so that a nanoTime that wraps around stays correct.
            long start = fullAt - now > 0 ? fullAt : now;
            long ahead = start - now;
            if (ahead > tolerance) {
                return ahead - tolerance;
            }
            fullAt = start + interval;
            return 0;
        }

        /** How far in the future the bucket is full; zero or less means full. */
        synchronized long debt(long now) {
            return fullAt - now;
        }

        synchronized boolean evictIfFull(long now) {
            if (fullAt - now <= 0) {
                evicted = true;
            }
            return evicted;
        }

        synchronized void evict() {
            evicted = true;
        }
    }
}
