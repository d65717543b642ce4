package io.scenelog.bridge.internal.feed;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent events of one scene, kept while the scene has connections on this bridge (and a grace period after),
 * and the connections they go to.
 *
 * <p>The window knows from which log offset it holds every event of its scene ({@link #coverageStart}): the offset
 * the feed was at when the window opened, moved on as old events are dropped (bounded by count and bytes). Joining
 * happens under the window's lock: the events a connection has not had are copied to it and it is registered for
 * the next ones in one step, so it sees no gap and no event twice. A connection that needs older events reads them
 * from the log first ({@link LogCatchUp}) until its read position reaches the coverage start.
 */
public final class SceneWindow {

    private static final Logger LOG = LoggerFactory.getLogger(SceneWindow.class);

    private final UUID sceneId;
    private final int partition;
    private final int maxEvents;
    private final long maxBytes;
    private final ArrayDeque<EventEntry> entries = new ArrayDeque<>();
    private final Set<EventSink> sinks = new LinkedHashSet<>();
    private final AtomicInteger holders = new AtomicInteger();
    private long bytes;
    private long coverageStart;
    private volatile long idleSinceNanos = System.nanoTime();

    SceneWindow(UUID sceneId, int partition, long startOffset, int maxEvents, long maxBytes) {
        this.sceneId = sceneId;
        this.partition = partition;
        this.coverageStart = startOffset;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** The scene. */
    public UUID sceneId() {
        return sceneId;
    }

    /** The scene's partition in every scene-keyed topic. */
    public int partition() {
        return partition;
    }

    /** The offset from which the window holds every event of the scene. */
    public synchronized long coverageStart() {
        return coverageStart;
    }

    /** The version of the newest event the feed has seen for the scene, if any since the window opened. */
    public synchronized OptionalLong lastVersion() {
        return entries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(entries.getLast().version());
    }

    /** The version of the oldest event the window holds, if any. */
    public synchronized OptionalLong firstVersion() {
        return entries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(entries.getFirst().version());
    }

    /** How many events the window holds (for metrics and tests). */
    public synchronized int size() {
        return entries.size();
    }

    /** How many bytes of frames the window holds. */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * Registers a joining {@code sink} from the version the scene's live stream has reached: the newest event the
     * window holds, or {@code atLeast} (the scene's version as the state queries answered after the window opened)
     * if that is newer; every later event is the window's, so a fresh join never needs the log. {@code beforeReplay}
     * gets that version first, under the window's lock, so whatever it queues (the Welcome) precedes every event.
     *
     * @return the version the sink starts after
     */
    public synchronized long attachFresh(EventSink sink, long atLeast, LongConsumer beforeReplay) {
        long start = entries.isEmpty() ? atLeast : Math.max(atLeast, entries.getLast().version());
        beforeReplay.accept(start);
        register(sink, start);
        return start;
    }

    /**
     * Registers {@code sink} for the events after {@code afterVersion}, copying those the window holds, when the
     * window holds every event after that version: its oldest event is at most one above it, or it has seen no
     * event of the scene at all and {@code emptyCovers} (the caller knows nothing happened after the version since
     * the window opened). {@code beforeReplay} runs first, under the window's lock, when the sink is registered.
     *
     * @return whether the sink was registered; if not, the caller catches up from the log first
     */
    public synchronized boolean attach(EventSink sink, long afterVersion, boolean emptyCovers,
            Runnable beforeReplay) {
        boolean covered = entries.isEmpty() ? emptyCovers : entries.getFirst().version() <= afterVersion + 1;
        if (covered) {
            beforeReplay.run();
            register(sink, afterVersion);
        }
        return covered;
    }

    /**
     * Registers {@code sink} after a catch-up from the log that read every record before {@code readPosition},
     * when that reaches the window's coverage (or the window's oldest event follows the sink's last one).
     *
     * @return whether the sink was registered; if not, the catch-up reads on
     */
    public synchronized boolean attachAfterCatchUp(EventSink sink, long readPosition) {
        long last = sink.lastEventVersion();
        boolean covered = readPosition >= coverageStart
                || (!entries.isEmpty() && entries.getFirst().version() <= last + 1);
        if (covered) {
            register(sink, last);
        }
        return covered;
    }

    /** Stops sending events to {@code sink}. */
    public synchronized void detach(EventSink sink) {
        sinks.remove(sink);
    }

    /** How many connections receive the scene's events. */
    public synchronized int sinkCount() {
        return sinks.size();
    }

    /** Adds an event the feed read and hands it to every registered sink; on the feed's thread. */
    synchronized void append(EventEntry entry) {
        if (!entries.isEmpty() && entry.version() != entries.getLast().version() + 1) {
            // Versions increase by one per event of a scene; anything else means the log lost or repeated events.
            LOG.error("Scene {} jumped from version {} to {} at offset {} of partition {}; the window restarts there.",
                    sceneId, entries.getLast().version(), entry.version(), entry.offset(), partition);
            if (entry.version() <= entries.getLast().version()) {
                return;
            }
            entries.clear();
            bytes = 0;
            coverageStart = entry.offset();
        }
        entries.addLast(entry);
        bytes += entry.frame().length;
        while (entries.size() > 1 && (entries.size() > maxEvents || bytes > maxBytes)) {
            EventEntry dropped = entries.removeFirst();
            bytes -= dropped.frame().length;
            coverageStart = dropped.offset() + 1;
        }
        // A copy: a sink may detach itself from inside onEvent (it runs under this lock, on this thread).
        for (EventSink sink : sinks.toArray(new EventSink[0])) {
            deliver(sink, entry);
        }
    }

    /** Hands an event to one sink; a sink that fails is dropped and told, and the others still get the event. */
    private void deliver(EventSink sink, EventEntry entry) {
        try {
            sink.onEvent(entry);
        } catch (RuntimeException e) {
            LOG.error("A connection of scene {} failed on the event of version {}; it gets no further events.",
                    sceneId, entry.version(), e);
            sinks.remove(sink);
            sink.failed(e);
        }
    }

    /** Takes one more connection's interest in the scene. */
    void hold() {
        holders.incrementAndGet();
    }

    /** Releases a connection's interest; the feed closes the window after the grace once nobody holds it. */
    public void release(EventSink sink) {
        detach(sink);
        if (holders.decrementAndGet() <= 0) {
            idleSinceNanos = System.nanoTime();
        }
    }

    /** Whether nobody has held the window for {@code graceNanos}. */
    boolean expired(long nowNanos, long graceNanos) {
        return holders.get() <= 0 && nowNanos - idleSinceNanos >= graceNanos;
    }

    private void register(EventSink sink, long afterVersion) {
        sinks.add(sink);
        for (EventEntry entry : entries) {
            if (entry.version() > afterVersion && sinks.contains(sink)) {
                deliver(sink, entry);
            }
        }
    }
}
