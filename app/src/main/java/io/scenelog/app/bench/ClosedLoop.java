package io.scenelog.app.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * Clients in closed loops: each sends a request, waits for the answer, sends the next, for a warm-up and then a
 * timed window, on its own thread. What 50 integrators hammering the API look like; unlike the paced sender of the
 * pipeline's latency probe, the offered rate is whatever the API sustains, and a latency is one request's round
 * trip (service time plus queueing behind the other clients).
 */
final class ClosedLoop {

    /** Latencies up to a minute, three significant digits. */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    /** Builds a client's {@code n}-th request. */
    @FunctionalInterface
    interface Requests {
        HttpRequest next(long n);
    }

    private ClosedLoop() {
    }

    /**
     * Runs every client until the window closes; requests that start in the window are timed.
     *
     * @param phase   names the phase in errors
     * @param clients one request factory per client
     * @return successful requests per second over the window, their latencies, and the window's errors
     */
    static PhaseResult run(String phase, ApiHttp http, List<Requests> clients, Duration warmUp, Duration duration,
            ErrorTally errors) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Loop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients.size(); c++) {
            Loop loop = new Loop(phase, http, clients.get(c), errors);
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
        private final ApiHttp http;
        private final Requests requests;
        private final ErrorTally errors;
        private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        private long succeeded;
        private long lastAnswer;
        private volatile RuntimeException failure;

        Loop(String phase, ApiHttp http, Requests requests, ErrorTally errors) {
            this.phase = phase;
            this.http = http;
            this.requests = requests;
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
                    send(requests.next(n), start, measured);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private void send(HttpRequest request, long start, boolean measured) throws InterruptedException {
            try {
                HttpResponse<String> response = http.send(request);
                long answered = System.nanoTime();
                if (response.statusCode() / 100 != 2) {
                    errors.status(phase, measured, response.statusCode(), response.body());
                } else if (measured) {
                    micros.recordValue(Math.min(HIGHEST_MICROS, (answered - start) / 1000));
                    succeeded++;
                    lastAnswer = answered;
                }
            } catch (IOException e) {
                errors.failure(phase, measured, e);
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw new IllegalStateException("A benchmark client of the " + phase + " phase failed", failure);
            }
        }
    }
}
