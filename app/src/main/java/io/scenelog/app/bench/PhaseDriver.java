package io.scenelog.app.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a fan-out phase's source and reads the round's counters at the edges of the timed window, so a rate is what
 * the clients received while the source sent at its steady pace, not the start-up or the drain. The same driver runs
 * the bridge's phases and the bare peer's, so their figures compare like for like.
 */
final class PhaseDriver {

    /**
     * What the clients received in the timed window.
     *
     * @param deliveries measured deliveries (events x clients)
     * @param events     measured events that reached their reference point (committed, or sent by the bare server)
     */
    record Window(Throughput deliveries, Throughput events) {
    }

    private PhaseDriver() {
    }

    /** Sends at {@code rate}: untimed for the warm-up, then timed for {@code duration}. */
    static Window paced(EventSource source, Round round, double rate, Duration warmUp, Duration duration) {
        PacedSender.run(rate, warmUp, (index, due) -> source.send(false));
        Edge start = Edge.of(round);
        PacedSender.run(rate, duration, (index, due) -> source.send(true));
        return start.to(Edge.of(round));
    }

    /**
     * Sends as fast as the slowest client takes the events: at most {@code window} events sent and not yet received
     * by every client, so no queue on the way overflows and nobody is dropped for being slow (the window stays below
     * the bridge's default outbound queue). Untimed for the warm-up, then timed for {@code duration}.
     */
    static Window saturate(EventSource source, Round round, Duration warmUp, Duration duration, int window) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        Edge first = null;
        long slowest = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (first == null && now >= measureFrom) {
                first = Edge.of(round);
            }
            if (source.sent() - slowest >= window) {
                slowest = round.slowest();
                if (source.sent() - slowest >= window) {
                    LockSupport.parkNanos(20_000);
                }
                continue;
            }
            source.send(first != null);
        }
        return (first == null ? Edge.of(round) : first).to(Edge.of(round));
    }

    /**
     * Waits until every event sent reached its reference point and every client received it.
     *
     * @return false when the timeout passed first
     */
    static boolean drain(EventSource source, Round round, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(round.referenced() >= source.sent() && round.complete())) {
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

        Window to(Edge last) {
            double seconds = (last.nanos - nanos) / 1e9;
            return new Window(new Throughput(last.deliveries - deliveries, seconds),
                    new Throughput(last.events - events, seconds));
        }
    }
}
