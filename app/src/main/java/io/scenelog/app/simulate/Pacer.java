package io.scenelog.app.simulate;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides which transform updates are due: update {@code k} moves entity {@code k % entities} to where it is at
 * round {@code k / entities + 1}, and round {@code r} is due {@code r / rateHz} seconds after the start. Each tick
 * sends every update due by the clock, so a late tick catches up rather than slowing the simulation down.
 * Called from one scheduler thread.
 */
final class Pacer {

    /** Sends update {@code index}, positioned at {@code seconds} into the run. */
    @FunctionalInterface
    interface Sender {
        void send(long index, double seconds);
    }

    private final Instant start;
    private final long total;
    private final int entities;
    private final double rateHz;
    private final Sender sender;
    private long next;

    Pacer(Instant start, long total, int entities, double rateHz, Sender sender) {
        this.start = start;
        this.total = total;
        this.entities = entities;
        this.rateHz = rateHz;
        this.sender = sender;
    }

    /** Ticks often enough for the rate, but at most every millisecond and at least every 100 ms. */
    static long tickMicros(double rateHz) {
        long period = (long) (1_000_000 / rateHz);
        return Math.max(1_000, Math.min(100_000, period));
    }

    /**
     * Sends what is due now.
     *
     * @return how many updates have been sent in all
     */
    long tick() {
        return tick(Instant.now());
    }

    long tick(Instant now) {
        double elapsed = Duration.between(start, now).toNanos() / 1e9;
        long due = Math.min(total, (long) Math.floor(elapsed * rateHz) * entities);
        while (next < due) {
            long round = next / entities + 1;
            sender.send(next, round / rateHz);
            next++;
        }
        return next;
    }
}
