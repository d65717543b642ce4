package io.scenelog.nodecache.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's meters (Prometheus names {@code scenelog_node_cache_*}), and the same counts flushed to the directory's
 * stats file at most once a second and on close, for the status command.
 */
public final class CacheMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMetrics.class);
    private static final long FLUSH_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Counter hits;
    private final Counter misses;
    private final Counter bytesServed;
    private final Counter bytesFetched;
    private final Counter evictions;
    private final Counter verificationFailures;
    private final Counter denied;
    private final Timer fetchLatency;
    private final StatsFile stats;
    private final Map<StatsFile.Counter, AtomicLong> unflushed = new EnumMap<>(StatsFile.Counter.class);
    private final AtomicLong lastFlush = new AtomicLong(System.nanoTime());

    public CacheMetrics(MeterRegistry registry, StatsFile stats) {
        this.stats = stats;
        this.hits = counter(registry, "hits", "Opens served from the node's disk");
        this.misses = counter(registry, "misses", "Opens that fetched the blob from the platform");
        this.bytesServed = counter(registry, "bytes.served", "Bytes of the blobs opened");
        this.bytesFetched = counter(registry, "bytes.fetched", "Bytes downloaded from the platform");
        this.evictions = counter(registry, "evictions", "Blobs evicted to stay within the bounds");
        this.verificationFailures = counter(registry, "verification.failures",
                "Downloads or files on disk whose bytes did not match their SHA-256");
        this.denied = counter(registry, "access.denied", "Opens refused because the scene may not use the blob");
        this.fetchLatency = Timer.builder("scenelog.node.cache.fetch.latency")
                .description("Time to fetch a blob from the platform, retries included")
                .publishPercentileHistogram().register(registry);
        for (StatsFile.Counter counter : StatsFile.Counter.values()) {
            unflushed.put(counter, new AtomicLong());
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder("scenelog.node.cache." + name).description(description).register(registry);
    }

    void served(boolean fetched, long bytes) {
        (fetched ? misses : hits).increment();
        bytesServed.increment(bytes);
        count(fetched ? StatsFile.Counter.MISSES : StatsFile.Counter.HITS, 1);
        count(StatsFile.Counter.BYTES_SERVED, bytes);
    }

    void fetched(long bytes) {
        bytesFetched.increment(bytes);
        count(StatsFile.Counter.BYTES_FETCHED, bytes);
    }

    void fetchTook(long nanos) {
        fetchLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts an eviction. */
    public void evicted() {
        evictions.increment();
        count(StatsFile.Counter.EVICTIONS, 1);
    }

    /** Counts bytes that did not match their hash. */
    public void verificationFailed() {
        verificationFailures.increment();
        count(StatsFile.Counter.VERIFICATION_FAILURES, 1);
    }

    /** Counts a refused open. */
    public void deniedAccess() {
        denied.increment();
        count(StatsFile.Counter.DENIED, 1);
    }

    private void count(StatsFile.Counter counter, long amount) {
        unflushed.get(counter).addAndGet(amount);
        long last = lastFlush.get();
        if (System.nanoTime() - last >= FLUSH_EVERY_NANOS && lastFlush.compareAndSet(last, System.nanoTime())) {
            flush();
        }
    }

    /** Adds what was counted since the last flush to the stats file; a failure is logged, never thrown. */
    public void flush() {
        Map<StatsFile.Counter, Long> deltas = new EnumMap<>(StatsFile.Counter.class);
        unflushed.forEach((counter, value) -> deltas.put(counter, value.getAndSet(0)));
        try {
            stats.add(deltas);
        } catch (IOException e) {
            // The counts go back so that the next flush carries them; serving blobs matters more than counting.
            deltas.forEach((counter, value) -> unflushed.get(counter).addAndGet(value));
            LOG.warn("Cannot write the node-cache counters to the stats file; they stay in memory until the next"
                    + " flush.", e);
        }
    }
}
