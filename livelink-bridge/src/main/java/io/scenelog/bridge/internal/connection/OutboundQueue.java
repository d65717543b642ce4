package io.scenelog.bridge.internal.connection;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The frames waiting for one client, bounded by count and bytes, written one at a time: at most one send is in
 * flight, and its completion starts the next, so a slow socket never blocks whoever queues (the feed's fan-out
 * thread above all). A frame that does not fit is refused: the client is too slow, and the caller disconnects it.
 */
final class OutboundQueue {

    private final Transport transport;
    private final int maxFrames;
    private final long maxBytes;
    private final AtomicLong queuedEverywhere;
    private final Consumer<Throwable> onBroken;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private long bytes;
    private boolean sending;
    private boolean finished;
    private boolean broken;
    private Runnable afterLast;

    /**
     * @param queuedEverywhere the bridge-wide count of queued frames (a gauge), kept up to date
     * @param onBroken         told once when a send fails: the socket is gone
     */
    OutboundQueue(Transport transport, int maxFrames, long maxBytes, AtomicLong queuedEverywhere,
            Consumer<Throwable> onBroken) {
        this.transport = transport;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.queuedEverywhere = queuedEverywhere;
        this.onBroken = onBroken;
    }

    /**
     * Queues a frame and starts writing if nothing is in flight.
     *
     * @return false when the frame would overflow the bounds (nothing was queued), or the queue is finished
     */
    boolean offer(byte[] frame) {
        synchronized (this) {
            if (finished || broken) {
                return false;
            }
            if (frames.size() + 1 > maxFrames || bytes + frame.length > maxBytes) {
                return false;
            }
            add(frame);
        }
        pump();
        return true;
    }

    /**
     * Queues the connection's last frame (a Refusal or Disconnect) whatever the bounds, refuses everything after it,
     * and runs {@code then} once it was written (or could not be).
     *
     * @param dropQueued whether the frames still waiting are dropped first (a client too slow to read them)
     */
    void finish(byte[] last, boolean dropQueued, Runnable then) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            if (dropQueued) {
                queuedEverywhere.addAndGet(-frames.size());
                frames.clear();
                bytes = 0;
            }
            afterLast = then;
            if (broken) {
                runAfterLast();
                return;
            }
            add(last);
        }
        pump();
    }

    /** Drops whatever waits (the socket closed). */
    synchronized void discard() {
        queuedEverywhere.addAndGet(-frames.size());
        frames.clear();
        bytes = 0;
        finished = true;
    }

    /** How many frames wait. */
    synchronized int size() {
        return frames.size();
    }

    /** How many bytes wait. */
    synchronized long bytes() {
        return bytes;
    }

    private void add(byte[] frame) {
        frames.addLast(frame);
        bytes += frame.length;
        queuedEverywhere.incrementAndGet();
    }

    private void pump() {
        while (true) {
            byte[] next;
            Completion completion;
            synchronized (this) {
                if (sending || broken) {
                    return;
                }
                next = frames.pollFirst();
                if (next == null) {
                    if (finished) {
                        runAfterLast();
                    }
                    return;
                }
                bytes -= next.length;
                queuedEverywhere.decrementAndGet();
                sending = true;
                completion = new Completion();
            }
            transport.send(next, completion);
            synchronized (this) {
                if (!completion.done) {
                    // Completes later, on a Jetty thread, which pumps on from there.
                    completion.async = true;
                    return;
                }
                if (broken) {
                    return;
                }
            }
        }
    }

    /** Runs the finisher once; called under the lock. */
    private void runAfterLast() {
        Runnable then = afterLast;
        afterLast = null;
        if (then != null) {
            then.run();
        }
    }

    /** One send's outcome; a send that completes while {@code send} runs lets the pump loop on instead. */
    private final class Completion implements Transport.SendCallback {
        private boolean done;
        private boolean async;

        @Override
        public void sent() {
            boolean pumpHere;
            synchronized (OutboundQueue.this) {
                done = true;
                sending = false;
                pumpHere = async;
            }
            if (pumpHere) {
                pump();
            }
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (OutboundQueue.this) {
                done = true;
                sending = false;
                broken = true;
                queuedEverywhere.addAndGet(-frames.size());
                frames.clear();
                bytes = 0;
                if (finished) {
                    runAfterLast();
                }
            }
            onBroken.accept(cause);
        }
    }
}
