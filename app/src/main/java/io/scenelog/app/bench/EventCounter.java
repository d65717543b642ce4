package io.scenelog.app.bench;

import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts committed events of the benchmark's scenes as a {@code read_committed} reader sees them, and times the
 * middle 80% of them: the start (group join, restoring, a cold JIT) and the tail (the last partial commit) are
 * not the pipeline's steady rate. It also notes where the JVM's CPU went in that window, by thread group: on a
 * 2-core machine it tells a saturated stream thread from one that waits.
 */
final class EventCounter implements AutoCloseable {

    private final Set<UUID> scenes;
    private final long expected;
    private final AtomicLong seen = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final RecordWatch<SceneEvent> watch;
    private final long low;
    private final long high;
    private volatile long lowNanos;
    private volatile long highNanos;
    private volatile CpuProfile cpu;
    private volatile CpuProfile.Usage cpuUsage;

    /** Starts counting from the current end of {@code scene-events}. */
    EventCounter(String bootstrapServers, SchemaRegistryClient registry, Set<UUID> scenes, long expected) {
        this.scenes = Set.copyOf(scenes);
        this.expected = expected;
        this.low = Math.max(1, expected / 10);
        this.high = Math.max(low + 1, expected - expected / 10);
        this.watch = new RecordWatch<>(bootstrapServers, registry, Topics.SCENE_EVENTS, this::count);
    }

    /**
     * Waits for every expected event.
     *
     * @throws IllegalStateException when they do not all arrive in time
     */
    Throughput await(Duration timeout, String run) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            watch.rethrowFailure();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The " + run + " run committed " + seen.get() + " of " + expected
                        + " events within " + timeout);
            }
        }
        return new Throughput(high - low, (highNanos - lowNanos) / 1e9, cpuUsage);
    }

    @Override
    public void close() {
        watch.close();
    }

    private void count(SceneEvent event, long seenNanos) {
        if (!scenes.contains(event.getSceneId())) {
            return;
        }
        long n = seen.incrementAndGet();
        if (n == low) {
            lowNanos = seenNanos;
            cpu = CpuProfile.start();
        }
        if (n == high) {
            highNanos = seenNanos;
            cpuUsage = cpu.stop();
        }
        if (n == expected) {
            done.countDown();
        }
    }
}
