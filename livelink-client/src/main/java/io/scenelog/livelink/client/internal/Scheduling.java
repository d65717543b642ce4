package io.scenelog.livelink.client.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer shared by every client of the process: heartbeats, idle checks, welcome and close timeouts,
 * reconnect delays. Its tasks only hand work to asynchronous sends, so one daemon thread serves thousands
 * of clients (the fan-out benchmark) without keeping the JVM alive.
 */
final class Scheduling {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "livelink-client-timer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Scheduling() {
    }

    /** Runs {@code task} once after {@code delay}. */
    static ScheduledFuture<?> after(Duration delay, Runnable task) {
        return TIMER.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} every {@code period}, first after one period. */
    static ScheduledFuture<?> every(Duration period, Runnable task) {
        return TIMER.scheduleAtFixedRate(guarded(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Runnable guarded(Runnable task) {
        // An exception would silently cancel a periodic task: log it and keep the timer going.
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A Livelink client timer task failed; the client goes on.", e);
            }
        };
    }
}
