package io.scenelog.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * Clients in closed loops: each makes a call, waits for its answer, makes the next, for a warm-up and then a timed
 * window, on its own thread. What 50 integrators hammering the API look like; unlike the paced sender of the
 * pipeline's latency probe, the offered rate is whatever the system sustains, and a latency is one call's round trip
 * (service time plus queueing behind the other clients). The same loop drives REST requests and direct Kafka writes,
 * so the two compare like for like.
 */
final class ClosedLoop {

    /** Latencies up to a minute, three significant digits. */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    /** A client's {@code n}-th call: blocks until it is answered. */
    @FunctionalInterface
    interface Call {
        Outcome call(long n) throws InterruptedException;
    }

    /**
     * How a call ended.
     *
     * @param failure what failed (e.g. "HTTP 503"), or null when the call succeeded
     * @param detail  the response body or message of a failure
     */
    record Outcome(String failure, String detail) {

        static final Outcome OK = new Outcome(null, null);

        static Outcome failed(String failure, String detail) {
            return new Outcome(failure, detail);
        }

        boolean ok() {
            return failure == null;
        }
    }

    private ClosedLoop() {
    }

    /**
     * Runs every client until the window closes; requests that start in the window are timed.
     *
     * @param phase   names the phase in errors
     * @param clients one call per client
     * @return successful calls per second over the window, their latencies, and the window's errors
     */
    static PhaseResult run(String phase, List<Call> clients, Duration warmUp, Duration duration, ErrorTally errors)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Loop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients.size(); c++) {
            Loop loop = new Loop(phase, clients.get(c), errors);
            loops.add(loop);
            Thread thread = new Thread(() -> loop.run(ready, go, window), "bench-" + phase + "-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime() + warmUp.toNanos();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
        Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        long succeeded = 0;
        long lastAnswer = window[1];
        for (Loop loop : loops) {
            loop.rethrowFailure();
            micros.add(loop.micros);
            succeeded += loop.succeeded;
            lastAnswer = Math.max(lastAnswer, loop.lastAnswer);
        }
        // requests started in the window and answered after it count, over the window stretched to the last answer
        Throughput throughput = new Throughput(succeeded, (lastAnswer - window[0]) / 1e9);
        return new PhaseResult(throughput, Percentiles.of(micros, 0), errors.measured(phase));
    }

    /** One client's loop and its own histogram (merged once the loop ends, so recording never contends). */
    private static final class Loop {
        private final String phase;
        private final Call call;
        private final ErrorTally errors;
        private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        private long succeeded;
        private long lastAnswer;
        private volatile RuntimeException failure;

        Loop(String phase, Call call, ErrorTally errors) {
            this.phase = phase;
            this.call = call;
            this.errors = errors;
        }

        void run(CountDownLatch ready, CountDownLatch go, long[] window) {
            try {
                ready.countDown();
                go.await();
                // the window was written before go opened: the latch makes it visible here
                long measureFrom = window[0];
                long end = window[1];
                for (long n = 0; ; n++) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        return;
                    }
                    boolean measured = start >= measureFrom;
                    Outcome outcome = call.call(n);
                    long answered = System.nanoTime();
                    if (!outcome.ok()) {
                        errors.record(phase, measured, outcome.failure(), outcome.detail());
                    } else if (measured) {
                        micros.recordValue(Math.min(HIGHEST_MICROS, (answered - start) / 1000));
                        succeeded++;
                        lastAnswer = answered;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw new IllegalStateException("A benchmark client of the " + phase + " phase failed", failure);
            }
        }
    }
}
