package io.scenelog.renderer.link.internal;

import io.scenelog.schemas.renderlink.RenderLinkMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The messages waiting for one bridge, bounded in count and bytes. Video is what gives way: a video frame that does
 * not fit is dropped, and so is every later frame of that client until a key frame (a decoder cannot use frames that
 * refer to a dropped one); once the queue has drained to half, the starved clients are due a key frame. Other
 * messages (status, query answers, heartbeats) are small and rare: they may use a second allowance as large again,
 * and a queue full beyond that belongs to a bridge that stopped reading, whose connection is closed.
 */
final class SendQueue {

    private final int maxFrames;
    private final long maxBytes;
    private final ArrayDeque<RenderLinkMessage> queue = new ArrayDeque<>();
    private final Set<String> starved = new HashSet<>();
    private final Set<String> keyFrameRequested = new HashSet<>();
    private long bytes;
    private long dropped;
    private boolean closed;

    SendQueue(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** Queues a client's video frame unless the queue is full or the client waits for a key frame. */
    synchronized boolean offerVideo(RenderLinkMessage message, boolean keyFrame) {
        String client = message.clientId();
        if (closed || !keyFrame && starved.contains(client)) {
            dropped++;
            return false;
        }
        if (queue.size() >= maxFrames || bytes + message.frame().length > maxBytes) {
            dropped++;
            starved.add(client);
            keyFrameRequested.remove(client);
            return false;
        }
        starved.remove(client);
        keyFrameRequested.remove(client);
        add(message);
        return true;
    }

    /**
     * Queues a message that must not be dropped.
     *
     * @return false when even the second allowance is used up: the bridge stopped reading
     */
    synchronized boolean offer(RenderLinkMessage message) {
        if (closed) {
            return false;
        }
        if (queue.size() >= 2 * maxFrames || bytes + message.frame().length > 2 * maxBytes) {
            return false;
        }
        add(message);
        return true;
    }

    /** The messages waiting, up to {@code max}, after waiting up to the timeout for one; empty when closed. */
    synchronized List<RenderLinkMessage> take(int max, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (queue.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<RenderLinkMessage> taken = new ArrayList<>(Math.min(max, queue.size()));
        while (!queue.isEmpty() && taken.size() < max) {
            RenderLinkMessage message = queue.poll();
            bytes -= message.frame().length;
            taken.add(message);
        }
        return taken;
    }

    /**
     * The clients whose video was dropped and who are now due a key frame, since the queue drained to half its bound;
     * each is named once until its key frame is queued or dropped again.
     */
    synchronized List<String> keyFramesDue() {
        if (starved.isEmpty() || queue.size() > maxFrames / 2 || bytes > maxBytes / 2) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        for (String client : starved) {
            if (keyFrameRequested.add(client)) {
                due.add(client);
            }
        }
        return due;
    }

    /** Forgets a client (its stream moved or stopped). */
    synchronized void forget(String clientId) {
        starved.remove(clientId);
        keyFrameRequested.remove(clientId);
    }

    /** Video frames dropped so far. */
    synchronized long dropped() {
        return dropped;
    }

    /** Messages waiting. */
    synchronized int size() {
        return queue.size();
    }

    /** Bytes waiting. */
    synchronized long bytes() {
        return bytes;
    }

    /** Drops everything and wakes the taker. */
    synchronized void close() {
        closed = true;
        queue.clear();
        bytes = 0;
        notifyAll();
    }

    private void add(RenderLinkMessage message) {
        queue.add(message);
        bytes += message.frame().length;
        notifyAll();
    }
}
