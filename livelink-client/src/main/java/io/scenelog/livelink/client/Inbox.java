package io.scenelog.livelink.client;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listener that keeps what the bridge sent, in order, and lets a program (a test, a tool) wait for it: the
 * blocking counterpart of {@link LivelinkListener}. It keeps Welcomes, events, presence, action results, control
 * commands and video frames as the records received, up to a capacity (the oldest go first, counted in {@link
 * #dropped()}), and passes every call on to the next listener.
 *
 * <pre>{@code
 * Inbox inbox = new Inbox();
 * LivelinkClient client = LivelinkClient.connect(url, token, ClientOptions.defaults().withListener(inbox));
 * SceneEvent seen = inbox.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(id), Duration.ofSeconds(10));
 * }</pre>
 */
public final class Inbox implements LivelinkListener {

    private final int capacity;
    private final LivelinkListener next;
    private final Deque<Object> received = new ArrayDeque<>();
    private long dropped;

    /** An inbox that keeps everything (for tests and short runs). */
    public Inbox() {
        this(Integer.MAX_VALUE, LivelinkListener.NONE);
    }

    /**
     * An inbox that keeps at most {@code capacity} records and passes every call on to {@code next}.
     *
     * @throws IllegalArgumentException when {@code capacity} is less than 1
     */
    public Inbox(int capacity, LivelinkListener next) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An inbox keeps at least 1 record, not " + capacity);
        }
        this.capacity = capacity;
        this.next = Objects.requireNonNull(next, "next (use LivelinkListener.NONE)");
    }

    /** Everything kept, in the order received. */
    public synchronized List<Object> received() {
        return List.copyOf(received);
    }

    /** The kept records of one type, in the order received. */
    public synchronized <T> List<T> all(Class<T> type) {
        List<T> matching = new ArrayList<>();
        for (Object record : received) {
            if (type.isInstance(record)) {
                matching.add(type.cast(record));
            }
        }
        return matching;
    }

    /**
     * Waits for the first kept record of {@code type} that {@code match} accepts (one already received counts).
     *
     * @throws LivelinkTimeoutException when none arrived within {@code timeout}
     */
    public <T> T awaitFirst(Class<T> type, Predicate<? super T> match, Duration timeout) {
        return awaitCount(type, match, 1, timeout).get(0);
    }

    /**
     * Waits until {@code count} kept records of {@code type} match.
     *
     * @return the first {@code count} matching records, in order
     * @throws LivelinkTimeoutException when fewer arrived within {@code timeout}
     */
    public synchronized <T> List<T> awaitCount(Class<T> type, Predicate<? super T> match, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> matching = new ArrayList<>();
            for (T record : all(type)) {
                if (match.test(record)) {
                    matching.add(record);
                    if (matching.size() == count) {
                        return matching;
                    }
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LivelinkTimeoutException("Waited " + timeout.toMillis() + " ms for " + count + " "
                        + type.getSimpleName() + " record(s) to match; " + matching.size() + " did, of "
                        + received.size() + " records received");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LivelinkTimeoutException("Interrupted while waiting for " + type.getSimpleName());
            }
        }
    }

    /**
     * Waits for the first kept Control VideoStatus that {@code match} accepts (one already received counts).
     *
     * @throws LivelinkTimeoutException when none arrived within {@code timeout}
     */
    public VideoStatus awaitVideoStatus(Predicate<? super VideoStatus> match, Duration timeout) {
        Control control = awaitFirst(Control.class,
                c -> c.getCommand() instanceof VideoStatus status && match.test(status), timeout);
        return (VideoStatus) control.getCommand();
    }

    /** How many records were dropped because the inbox was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets everything kept so far. */
    public synchronized void clear() {
        received.clear();
    }

    @Override
    public void onWelcome(Welcome welcome, boolean reconnect) {
        keep(welcome);
        next.onWelcome(welcome, reconnect);
    }

    @Override
    public void onEvent(SceneEvent event) {
        keep(event);
        next.onEvent(event);
    }

    @Override
    public void onPresence(Presence presence) {
        keep(presence);
        next.onPresence(presence);
    }

    @Override
    public void onActionResult(ActionResult result) {
        keep(result);
        next.onActionResult(result);
    }

    @Override
    public void onVideo(VideoFrame frame) {
        keep(frame);
        next.onVideo(frame);
    }

    @Override
    public void onControl(Control control) {
        keep(control);
        next.onControl(control);
    }

    @Override
    public void onConnectionLost(ClientClosure cause) {
        next.onConnectionLost(cause);
    }

    @Override
    public void onClosed(ClientClosure closure) {
        keep(closure);
        next.onClosed(closure);
    }

    private synchronized void keep(Object record) {
        if (received.size() == capacity) {
            received.removeFirst();
            dropped++;
        }
        received.addLast(record);
        notifyAll();
    }
}
