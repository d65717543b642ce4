package io.scenelog.app.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a constant rate and hands each send its intended time. Latency is measured from the intended time, not
 * the actual one, so a stall (a slow send, a GC pause) counts against every record it delays: coordinated omission
 * is avoided. Between sends the thread parks; it never spins.
 */
final class PacedSender {

    /** Sends record {@code index}, due at {@code intendedNanos} ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Send {
        void send(long index, long intendedNanos);
    }

    private PacedSender() {
    }

    /**
     * Sends {@code rate x duration} records, or fewer when the thread is interrupted.
     *
     * @return how many were sent
     */
    static long run(double ratePerSecond, Duration duration, Send send) {
        return run(ratePerSecond, duration, false, send);
    }

    /**
     * Sends at most {@code rate x duration} records and stops when the duration is over, also when sending itself is
     * too slow to keep the rate (a synchronous broadcast to many clients): the phase never outlasts its time, and
     * the count says what rate was reached.
     *
     * @return how many were sent
     */
    static long runWithin(double ratePerSecond, Duration duration, Send send) {
        return run(ratePerSecond, duration, true, send);
    }

    private static long run(double ratePerSecond, Duration duration, boolean bounded, Send send) {
        long count = (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
        long periodNanos = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return i;
                }
            }
            if (bounded && System.nanoTime() - end >= 0) {
                return i;
            }
            send.send(i, due);
        }
        return count;
    }
}
