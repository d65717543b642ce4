package io.scenelog.app.bench.sessions;

import java.util.Arrays;

/**
 * When one stream's frames arrived ({@link System#nanoTime()}), kept as a growing array of longs so that a long run
 * stays small and the receiving thread does no more than store a number. Thread-safe.
 */
final class FrameTimes {

    private long[] times = new long[1024];
    private int count;

    /** Notes a frame that arrived at {@code nanos}. */
    synchronized void arrived(long nanos) {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
        }
        times[count++] = nanos;
        notifyAll();
    }

    /** How many frames arrived so far. */
    synchronized int count() {
        return count;
    }

    /**
     * Waits until at least {@code frames} frames arrived.
     *
     * @return whether they did before {@code deadlineNanos} ({@link System#nanoTime()})
     */
    synchronized boolean awaitCount(int frames, long deadlineNanos) throws InterruptedException {
        while (count < frames) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * The delivered frame rate over {@code [startNanos, endNanos)}: the frames that arrived in it over its length.
     * Counting arrivals in a fixed window (rather than spacing between the first and the last frame) makes a stream
     * that stalls near the end show the stall.
     */
    synchronized double framesPerSecond(long startNanos, long endNanos) {
        return rate(Arrays.copyOf(times, count), startNanos, endNanos);
    }

    /** The rate of the arrivals in {@code [startNanos, endNanos)}, per second. */
    static double rate(long[] arrivals, long startNanos, long endNanos) {
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("The window ends (" + endNanos + ") before it starts (" + startNanos
                    + ")");
        }
        long inside = Arrays.stream(arrivals).filter(t -> t >= startNanos && t < endNanos).count();
        return inside * 1e9 / (endNanos - startNanos);
    }
}
