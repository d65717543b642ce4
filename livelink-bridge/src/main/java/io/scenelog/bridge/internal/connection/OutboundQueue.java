package io.scenelog.bridge.internal.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The frames waiting for one client, bounded by count and bytes. Queuing never writes: it schedules a drain on the
 * transport's writer threads (one drain at a time per queue, so the order holds), and the drain hands the socket a
 * run of frames at once, up to {@value #MAX_IN_FLIGHT_FRAMES} frames or {@value #MAX_IN_FLIGHT_BYTES} bytes not yet
 * confirmed, so the socket gathers a burst into few writes. A frame counts until its send completes, against the
 * bounds plus a slack of one frame and one in-flight window of bytes (the one send in flight did not count when the
 * queue wrote on the caller's thread; now a burst may also wait for the writer thread to wake without the client
 * being slow). A frame that does not fit makes the queuing thread hand the socket what it has room for, as it did
 * for every frame before; if it still does not fit, it is refused: the client is too slow, and the caller
 * disconnects it.
 *
 * <p>Video frames ({@link #offerVideo}) are the exception: a client that falls behind on video loses video, not its
 * connection. A video frame is only queued while the queue is less than half full (frames and bytes, counting every
 * frame not yet confirmed) and fewer than {@value #VIDEO_BACKLOG_FRAMES} video frames wait, so video can never take
 * the room events, results and presence need, nor pile up seconds of latency; otherwise it is dropped. An event that
 * does not fit first evicts the video frames still waiting (not those handed to the socket). Once a video frame is
 * lost, the frames after it cannot be decoded, so every video frame up to the next key frame is dropped too, and the
 * caller is told (once per loss) to ask the renderer for a key frame. Events follow the rules above unchanged: a
 * client that does not read even them is disconnected (SLOW_CONSUMER) as before.
 */
final class OutboundQueue {

    /** Frames handed to the socket and not yet confirmed, at most: enough to gather a commit's burst. */
    static final int MAX_IN_FLIGHT_FRAMES = 16;
    /** Bytes handed to the socket and not yet confirmed, at most (one frame is always allowed). */
    static final long MAX_IN_FLIGHT_BYTES = 256 * 1024;
    /** Frames one drain hands over before it lets other connections' drains run. */
    private static final int FRAMES_PER_DRAIN = 4 * MAX_IN_FLIGHT_FRAMES;
    /** Video frames not yet confirmed, at most: about a second of video. */
    static final int VIDEO_BACKLOG_FRAMES = 30;

    /** What became of a video frame. */
    enum VideoOffer {
        /** Queued for the client. */
        QUEUED,
        /** Dropped; a key frame was asked for already (or the queue is finished). */
        DROPPED,
        /** Dropped, and the client's stream needs a key frame: ask the renderer for one. */
        DROPPED_NEEDS_KEY_FRAME
    }

    /** A frame waiting or in flight, and whether it is video (which may be dropped). */
    private record Entry(byte[] bytes, boolean video) {
    }

    private final Transport transport;
    private final Executor writer;
    private final int maxFrames;
    private final long maxBytes;
    private final int slackFrames;
    private final long slackBytes;
    private final AtomicLong queuedEverywhere;
    private final Consumer<Throwable> onBroken;
    private final Runnable onVideoLost;
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    /** Frames and bytes not yet confirmed: waiting, or handed to the socket. */
    private int frames;
    private long bytes;
    private int inFlightFrames;
    private long inFlightBytes;
    /** Video frames not yet confirmed. */
    private int videoFrames;
    /** A video frame was lost: those before the next key frame are useless to the client. */
    private boolean skippingVideo;
    /** A drain task is queued or running. */
    private boolean scheduled;
    /** A thread is handing a run to the socket (the drain, or a queuing thread that found the queue full). */
    private boolean sending;
    private boolean finished;
    private boolean broken;
    private Runnable afterLast;

    /**
     * @param queuedEverywhere the bridge-wide count of frames not yet written (a gauge), kept up to date
     * @param onBroken         told once when a send fails: the socket is gone
     * @param onVideoLost      told when waiting video frames were evicted for an event (under the caller's locks:
     *                         it must only hand the work on); the stream needs a key frame
     */
    OutboundQueue(Transport transport, int maxFrames, long maxBytes, AtomicLong queuedEverywhere,
            Consumer<Throwable> onBroken, Runnable onVideoLost) {
        this(transport, maxFrames, maxBytes, 1, MAX_IN_FLIGHT_BYTES, queuedEverywhere, onBroken, onVideoLost);
    }

    /** Without video (tests). */
    OutboundQueue(Transport transport, int maxFrames, long maxBytes, AtomicLong queuedEverywhere,
            Consumer<Throwable> onBroken) {
        this(transport, maxFrames, maxBytes, queuedEverywhere, onBroken, () -> { });
    }

    /** With another slack beyond the bounds than the bridge's (tests). */
    OutboundQueue(Transport transport, int maxFrames, long maxBytes, int slackFrames, long slackBytes,
            AtomicLong queuedEverywhere, Consumer<Throwable> onBroken) {
        this(transport, maxFrames, maxBytes, slackFrames, slackBytes, queuedEverywhere, onBroken, () -> { });
    }

    /** With another slack, and told of lost video (tests; the bridge's constructor delegates here). */
    OutboundQueue(Transport transport, int maxFrames, long maxBytes, int slackFrames, long slackBytes,
            AtomicLong queuedEverywhere, Consumer<Throwable> onBroken, Runnable onVideoLost) {
        this.transport = transport;
        this.writer = transport.writer();
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.slackFrames = slackFrames;
        this.slackBytes = slackBytes;
        this.queuedEverywhere = queuedEverywhere;
        this.onBroken = onBroken;
        this.onVideoLost = onVideoLost;
    }

    /**
     * Queues a frame and schedules a drain if none is scheduled. Writes on the caller's thread only when the frame
     * does not fit while the socket has room for what waits (the writer thread lags behind a burst).
     *
     * @return false when the frame would overflow the bounds (nothing was queued), or the queue is finished
     */
    boolean offer(byte[] frame) {
        boolean videoLost = false;
        try {
            while (true) {
                synchronized (this) {
                    if (finished || broken) {
                        return false;
                    }
                    if (!fits(frame) && dropWaitingVideo()) {
                        videoLost = true;
                    }
                    if (fits(frame)) {
                        add(new Entry(frame, false));
                        if (!startDrain()) {
                            return true;
                        }
                        break;
                    }
                }
                // The frames wait for the writer thread, not necessarily for the client: hand what the socket takes
                // from here, as the queue did before it had a writer. Only when the socket took nothing is it too
                // slow.
                if (!sendHere()) {
                    return false;
                }
            }
            scheduleDrain();
            return true;
        } finally {
            if (videoLost) {
                onVideoLost.run();
            }
        }
    }

    /**
     * Queues a video frame if video has room (see the class comment), else drops it.
     *
     * @param keyFrame whether the frame starts a new run of decodable frames
     */
    VideoOffer offerVideo(byte[] frame, boolean keyFrame) {
        synchronized (this) {
            if (finished || broken) {
                return VideoOffer.DROPPED;
            }
            if (skippingVideo && !keyFrame) {
                return VideoOffer.DROPPED;
            }
            if (!videoFits(frame)) {
                // The first loss, or a lost key frame: the client needs another key frame to decode on.
                boolean ask = !skippingVideo || keyFrame;
                skippingVideo = true;
                return ask ? VideoOffer.DROPPED_NEEDS_KEY_FRAME : VideoOffer.DROPPED;
            }
            skippingVideo = false;
            add(new Entry(frame, true));
            if (!startDrain()) {
                return VideoOffer.QUEUED;
            }
        }
        scheduleDrain();
        return VideoOffer.QUEUED;
    }

    /**
     * Queues the connection's last frame (a Refusal or Disconnect) whatever the bounds, refuses everything after it,
     * and runs {@code then} once it was written (or could not be).
     *
     * @param dropQueued whether the frames still waiting are dropped first (a client too slow to read them); those
     *                   already handed to the socket go out before the last frame
     */
    void finish(byte[] last, boolean dropQueued, Runnable then) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            if (dropQueued) {
                dropWaiting();
            }
            afterLast = then;
            if (broken) {
                runAfterLast();
                return;
            }
            add(new Entry(last, false));
            if (!startDrain()) {
                return;
            }
        }
        scheduleDrain();
    }

    /** Drops whatever waits (the socket closed). */
    synchronized void discard() {
        dropWaiting();
        finished = true;
    }

    /** How many frames are not yet written: waiting, or handed to the socket. */
    synchronized int size() {
        return frames;
    }

    /** How many bytes are not yet written. */
    synchronized long bytes() {
        return bytes;
    }

    private boolean fits(byte[] frame) {
        return frames + 1 <= maxFrames + slackFrames && bytes + frame.length <= maxBytes + slackBytes;
    }

    /** Whether a video frame may be queued: the queue is less than half full and video is not far behind. */
    private boolean videoFits(byte[] frame) {
        return videoFrames < VIDEO_BACKLOG_FRAMES && frames + 1 <= maxFrames / 2
                && bytes + frame.length <= maxBytes / 2;
    }

    private void add(Entry entry) {
        waiting.addLast(entry);
        frames++;
        bytes += entry.bytes().length;
        if (entry.video()) {
            videoFrames++;
        }
        queuedEverywhere.incrementAndGet();
    }

    private void dropWaiting() {
        for (Entry entry : waiting) {
            forget(entry);
        }
        waiting.clear();
    }

    /**
     * Drops the video frames still waiting (not those handed to the socket), to make room for an event.
     *
     * @return whether any was dropped (the client's stream then needs a key frame)
     */
    private boolean dropWaitingVideo() {
        boolean dropped = waiting.removeIf(entry -> {
            if (entry.video()) {
                forget(entry);
                return true;
            }
            return false;
        });
        if (dropped) {
            skippingVideo = true;
        }
        return dropped;
    }

    /** A frame stops counting (dropped, or its send completed); under the lock. */
    private void forget(Entry entry) {
        frames--;
        bytes -= entry.bytes().length;
        if (entry.video()) {
            videoFrames--;
        }
        queuedEverywhere.decrementAndGet();
    }

    /** Whether a drain must be scheduled now (and marks it scheduled); under the lock. */
    private boolean startDrain() {
        if (scheduled || sending || broken || waiting.isEmpty() || !roomInFlight()) {
            return false;
        }
        scheduled = true;
        return true;
    }

    private boolean roomInFlight() {
        return inFlightFrames == 0
                || inFlightFrames < MAX_IN_FLIGHT_FRAMES
                        && inFlightBytes + waiting.peekFirst().bytes().length <= MAX_IN_FLIGHT_BYTES;
    }

    private void scheduleDrain() {
        try {
            writer.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The writer threads are stopping with the server: write from here rather than strand the frames.
            drain();
        }
    }

    /** Hands runs of frames to the socket while there is room in flight; runs on a writer thread. */
    private void drain() {
        int handed = 0;
        while (true) {
            List<Entry> run;
            synchronized (this) {
                run = sending ? List.of() : takeRun();
                if (run.isEmpty()) {
                    // Nothing to hand over, or a queuing thread is handing frames over itself (it schedules again).
                    scheduled = false;
                    if (!sending) {
                        finishedIfDone();
                    }
                    return;
                }
                sending = true;
            }
            send(run);
            synchronized (this) {
                sending = false;
            }
            handed += run.size();
            if (handed >= FRAMES_PER_DRAIN) {
                // Other connections' drains wait for these threads too: go on behind them (still scheduled).
                scheduleDrain();
                return;
            }
        }
    }

    /**
     * Hands the socket what it has room for on the queuing thread, when no writer is sending.
     *
     * @return whether anything was handed over
     */
    private boolean sendHere() {
        List<Entry> run;
        synchronized (this) {
            if (sending) {
                return false;
            }
            run = takeRun();
            if (run.isEmpty()) {
                return false;
            }
            sending = true;
        }
        send(run);
        boolean schedule;
        synchronized (this) {
            sending = false;
            schedule = startDrain();
        }
        if (schedule) {
            scheduleDrain();
        }
        return true;
    }

    private void send(List<Entry> run) {
        for (int i = 0; i < run.size(); i++) {
            // All but the last may be held by the socket to go out with the last in one write.
            transport.send(run.get(i).bytes(), i < run.size() - 1, new Completion(run.get(i)));
        }
    }

    /** The frames to hand over next, moved in flight; under the lock. */
    private List<Entry> takeRun() {
        List<Entry> run = new ArrayList<>();
        while (!broken && !waiting.isEmpty() && roomInFlight()) {
            Entry next = waiting.pollFirst();
            inFlightFrames++;
            inFlightBytes += next.bytes().length;
            run.add(next);
        }
        return run;
    }

    /** Runs the finisher when the last frame was written; under the lock. */
    private void finishedIfDone() {
        if (finished && frames == 0) {
            runAfterLast();
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

    /** One send's outcome: the frame stops counting, and room in flight may let the next run go. */
    private final class Completion implements Transport.SendCallback {
        private final Entry entry;

        Completion(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void sent() {
            boolean schedule;
            synchronized (OutboundQueue.this) {
                confirmed();
                schedule = startDrain();
                if (!scheduled && !sending) {
                    finishedIfDone();
                }
            }
            if (schedule) {
                scheduleDrain();
            }
        }

        @Override
        public void failed(Throwable cause) {
            boolean first;
            synchronized (OutboundQueue.this) {
                confirmed();
                first = !broken;
                broken = true;
                dropWaiting();
                if (finished) {
                    runAfterLast();
                }
            }
            if (first) {
                onBroken.accept(cause);
            }
        }

        private void confirmed() {
            inFlightFrames--;
            inFlightBytes -= entry.bytes().length;
            forget(entry);
        }
    }
}
