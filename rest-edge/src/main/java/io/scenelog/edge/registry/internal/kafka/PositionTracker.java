package io.scenelog.edge.registry.internal.kafka;

import java.time.Duration;
import java.time.Instant;

/**
 * The offset up to which the follower has applied the log, and a way to wait until it passes a
 * given offset. Writers wait here to read their own writes; boot waits here to catch up.
 */
final class PositionTracker {

    private long position;

    /** Records that everything before {@code offset} is applied; never moves backwards. */
    synchronized void advanceTo(long offset) {
        if (offset > position) {
            position = offset;
            notifyAll();
        }
    }

    /** The next offset the follower will apply. */
    synchronized long position() {
        return position;
    }

    /**
     * Waits until everything before {@code offset} is applied.
     *
     * @return whether that happened before {@code deadline}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    synchronized boolean awaitPast(long offset, Instant deadline) throws InterruptedException {
        while (position < offset) {
            long millis = Duration.between(Instant.now(), deadline).toMillis();
            if (millis <= 0) {
                return false;
            }
            wait(millis);
        }
        return true;
    }
}
