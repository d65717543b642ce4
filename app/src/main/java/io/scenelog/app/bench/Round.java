package io.scenelog.app.bench;

import io.scenelog.model.SceneEvent;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One phase's tally of the fan-out: the measured events are those of one emitter (the writer), each with a reference
 * time (when the commit log showed it, or when the bare server started sending it), and every client's deliveries of
 * them. A delivery of a timed event is timed from its reference at once; one that beats its reference (possible: the
 * benchmark's own reader and the bridge read the log side by side) is kept and timed when the round ends. Events of
 * other emitters go to an optional {@link Tap} (the end-to-end probe).
 *
 * <p>Thread-safe: references come from the commit reader or the sender, deliveries from the clients' receiving
 * threads.
 */
final class Round {

    /** Latencies up to a minute, three significant digits. */
    static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    /** A round that measures nothing: between phases. */
    static final Round IDLE = new Round(null, 0, 0, null);

    /** Receives the deliveries of other emitters' events. */
    @FunctionalInterface
    interface Tap {
        void delivered(int client, SceneEvent event, long nanos);
    }

    /**
     * When a measured event started its way to the clients.
     *
     * @param nanos by {@link System#nanoTime()}
     * @param timed whether its deliveries count in the latency (not a warm-up event)
     */
    record Reference(long nanos, boolean timed) {
    }

    /**
     * What the round measured.
     *
     * @param latency    reference to delivery of the timed events, every client's deliveries; {@code missing}: lost and
     *                   behind
     * @param expected   measured events (each should reach every client)
     * @param lost       deliveries that never happened though the client received a later event (gaps)
     * @param behind     deliveries still missing when the round ended, later than the client's newest event (the
     *                   client was behind: overload, not loss)
     * @param duplicated deliveries of a version the client had already
     * @param unexpected deliveries of measured versions that have no reference (should be none)
     * @param early      deliveries that arrived before their reference was known, timed at 0 or more
     */
    record Outcome(Percentiles latency, long expected, long lost, long behind, long duplicated, long unexpected,
            long early) {
    }

    private final String emitter;
    private final long base;
    private final ClientTally[] tallies;
    private final Tap tap;
    private final Map<Long, Reference> references = new ConcurrentHashMap<>();
    private final Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder deliveries = new LongAdder();

    /**
     * @param emitter the client id of the measured events' emitter, or null to measure none
     * @param base    a version no greater than the first measured event's (the scene's version before the round)
     * @param clients how many clients take part, indexed from 0
     * @param tap     gets the events of other emitters, or null
     */
    Round(String emitter, long base, int clients, Tap tap) {
        this.emitter = emitter;
        this.base = base;
        this.tallies = new ClientTally[clients];
        for (int i = 0; i < clients; i++) {
            tallies[i] = new ClientTally();
        }
        this.tap = tap;
    }

    /** A measured event's reference time; called once per event, before or after its deliveries. */
    void reference(long version, long nanos, boolean timed) {
        references.put(version, new Reference(nanos, timed));
    }

    /** Client {@code client} received {@code event} at {@code nanos}. */
    void delivered(int client, SceneEvent event, long nanos) {
        if (client >= tallies.length) {
            return;
        }
        if (emitter == null || !emitter.equals(event.getEmitter().getClientId())) {
            if (tap != null) {
                tap.delivered(client, event, nanos);
            }
            return;
        }
        long version = event.getVersion();
        long index = version - base;
        if (index < 0 || index > Integer.MAX_VALUE || !tallies[client].receive((int) index)) {
            return;
        }
        deliveries.increment();
        Reference reference = references.get(version);
        if (reference == null) {
            tallies[client].early(version, nanos);
        } else if (reference.timed()) {
            latencies.recordValue(micros(nanos - reference.nanos()));
        }
    }

    /** How many clients take part. */
    int clients() {
        return tallies.length;
    }

    /** Measured deliveries so far (each client's first delivery of each event). */
    long deliveries() {
        return deliveries.sum();
    }

    /** Measured events with a reference so far. */
    long referenced() {
        return references.size();
    }

    /** The fewest measured events any client has received. */
    long slowest() {
        long least = Long.MAX_VALUE;
        for (ClientTally tally : tallies) {
            least = Math.min(least, tally.distinct());
        }
        return tallies.length == 0 ? 0 : least;
    }

    /** Whether every client has every referenced event. */
    boolean complete() {
        return slowest() >= referenced();
    }

    /** Times the early deliveries and counts what is missing; call once the deliveries have stopped. */
    Outcome finish() {
        BitSet expected = new BitSet();
        references.keySet().forEach(version -> expected.set((int) (version - base)));
        Histogram histogram = latencies.getIntervalHistogram();
        long[] counts = new long[5];
        for (ClientTally tally : tallies) {
            long[] missing = tally.missing(expected);
            counts[0] += missing[0];
            counts[1] += missing[1];
            counts[2] += tally.duplicates();
            counts[3] += tally.unexpected(expected);
            tally.forEachEarly((version, nanos) -> {
                Reference reference = references.get(version);
                if (reference != null && reference.timed()) {
                    histogram.recordValue(micros(nanos - reference.nanos()));
                }
                counts[4]++;
            });
        }
        return new Outcome(Percentiles.of(histogram, counts[0] + counts[1]), references.size(), counts[0], counts[1],
                counts[2], counts[3], counts[4]);
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }
}
