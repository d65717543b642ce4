package io.scenelog.app.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives a fan-out phase's source and reads the round's counters at the edges of the timed window, so a rate is what
 * the clients received while the source sent at its steady pace, not the start-up or the drain. The same driver runs
 * the bridge's phases and the bare peer's, so their figures compare like for like. While it sends it samples where
 * the events in flight wait: before their reference point (in the pipeline) or after it (in the fan-out), which says
 * which part limits a saturated phase; and how many frames wait in the server's queues for the clients.
 */
final class PhaseDriver {

    /** A paced phase samples the backlog every this many sends (a sample reads every client's tally). */
    private static final int PACED_SAMPLE_EVERY = 10;

    /**
     * What the clients received in the timed window.
     *
     * @param deliveries measured deliveries (events x clients)
     * @param events     measured events that reached their reference point (committed, or sent by the bare server)
     * @param backlog    where the events in flight waited, on average over the timed window
     */
    record Window(Throughput deliveries, Throughput events, Backlog backlog) {
    }

    /**
     * Events sent and not yet received by every client, on average.
     *
     * @param awaitingReference sent, not yet at the reference point (for the bridge: not yet committed)
     * @param awaitingDelivery  at the reference point, not yet received by the slowest client
     * @param queuedPerClient   frames waiting in the server's queues (the bridge's outbound queues, the bare
     *                          server's sends in flight), per client
     */
    record Backlog(double awaitingReference, double awaitingDelivery, double queuedPerClient) {
    }

    private PhaseDriver() {
    }

    /**
     * Sends at {@code rate}: untimed for the warm-up, then timed for {@code duration}. A source too slow to keep the
     * rate sends fewer events in the same time (the events/s say so).
     */
    static Window paced(EventSource source, Round round, LongSupplier serverQueue, double rate, Duration warmUp,
            Duration duration) {
        PacedSender.runWithin(rate, warmUp, (index, due) -> source.send(false));
        Sampler backlog = new Sampler(source, round, serverQueue);
        Edge start = Edge.of(round);
        PacedSender.runWithin(rate, duration, (index, due) -> {
            source.send(true);
            if (index % PACED_SAMPLE_EVERY == 0) {
                backlog.sample(round.slowest());
            }
        });
        return start.to(Edge.of(round), backlog.average());
    }

    /**
     * Sends as fast as the slowest client takes the events: at most {@code window} events sent and not yet received
     * by every client, so no queue on the way overflows and nobody is dropped for being slow (the window stays below
     * the bridge's default outbound queue). Untimed for the warm-up, then timed for {@code duration}.
     */
    static Window saturate(EventSource source, Round round, LongSupplier serverQueue, Duration warmUp,
            Duration duration, int window) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        Edge first = null;
        Sampler backlog = new Sampler(source, round, serverQueue);
        long slowest = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (first == null && now >= measureFrom) {
                first = Edge.of(round);
            }
            if (source.sent() - slowest >= window) {
                slowest = round.slowest();
                if (first != null) {
                    backlog.sample(slowest);
                }
                if (source.sent() - slowest >= window) {
                    LockSupport.parkNanos(20_000);
                }
                continue;
            }
            source.send(first != null);
        }
        return (first == null ? Edge.of(round) : first).to(Edge.of(round), backlog.average());
    }

    /**
     * Waits until every event sent reached its reference point (or was refused) and every client received it.
     *
     * @return false when the timeout passed first
     */
    static boolean drain(EventSource source, Round round, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(round.referenced() + source.refused() >= source.sent() && round.complete())) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }

    /** The round's counters at one instant. */
    private record Edge(long nanos, long deliveries, long events) {

        static Edge of(Round round) {
            return new Edge(System.nanoTime(), round.deliveries(), round.referenced());
        }

        Window to(Edge last, Backlog backlog) {
            double seconds = (last.nanos - nanos) / 1e9;
            return new Window(new Throughput(last.deliveries - deliveries, seconds),
                    new Throughput(last.events - events, seconds), backlog);
        }
    }

    /** Sums backlog samples; on the sending thread only. */
    private static final class Sampler {
        private final EventSource source;
        private final Round round;
        private final LongSupplier serverQueue;
        private long samples;
        private double awaitingReference;
        private double awaitingDelivery;
        private double queued;

        Sampler(EventSource source, Round round, LongSupplier serverQueue) {
            this.source = source;
            this.round = round;
            this.serverQueue = serverQueue;
        }

        void sample(long slowest) {
            long referenced = round.referenced();
            awaitingReference += Math.max(0, source.sent() - source.refused() - referenced);
            awaitingDelivery += Math.max(0, referenced - slowest);
            queued += serverQueue.getAsLong();
            samples++;
        }

        Backlog average() {
            int clients = Math.max(1, round.clients());
            return samples == 0 ? new Backlog(0, 0, 0)
                    : new Backlog(awaitingReference / samples, awaitingDelivery / samples, queued / samples / clients);
        }
    }
}
