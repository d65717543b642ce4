package io.scenelog.app.bench;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What one client received of a round's measured events: which versions (relative to the round's base), the newest,
 * how many twice, and those that arrived before their reference time was known (the client beat the benchmark's own
 * reader of the commit log), to be timed when the round ends. A client's frames arrive one at a time, but not always
 * on the same thread, so every access takes the tally's (uncontended) lock.
 */
final class ClientTally {

    private final BitSet seen = new BitSet();
    private long duplicates;
    private int highest = -1;
    private long[] earlyVersions = new long[0];
    private long[] earlyNanos = new long[0];
    private int early;
    private volatile long distinct;

    /**
     * Notes a delivery.
     *
     * @param index the version's offset from the round's base
     * @return false when the client had this version already
     */
    synchronized boolean receive(int index) {
        if (seen.get(index)) {
            duplicates++;
            return false;
        }
        seen.set(index);
        highest = Math.max(highest, index);
        distinct++;
        return true;
    }

    /** Keeps a delivery whose reference time is not known yet. */
    synchronized void early(long version, long nanos) {
        if (early == earlyVersions.length) {
            int size = Math.max(16, early * 2);
            earlyVersions = Arrays.copyOf(earlyVersions, size);
            earlyNanos = Arrays.copyOf(earlyNanos, size);
        }
        earlyVersions[early] = version;
        earlyNanos[early] = nanos;
        early++;
    }

    /** How many different measured versions arrived. */
    long distinct() {
        return distinct;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    /** How many received indexes are not in {@code expected}. */
    synchronized long unexpected(BitSet expected) {
        BitSet extra = (BitSet) seen.clone();
        extra.andNot(expected);
        return extra.cardinality();
    }

    /**
     * How many of {@code expected} never arrived: {@code [lost, behind]}, lost being those older than the newest that
     * did arrive (a gap: events reach a client in order), behind those newer (the client had not got that far).
     */
    synchronized long[] missing(BitSet expected) {
        BitSet absent = (BitSet) expected.clone();
        absent.andNot(seen);
        long lost = highest < 0 ? 0 : absent.get(0, highest + 1).cardinality();
        return new long[] {lost, absent.cardinality() - lost};
    }

    /** Hands each early delivery to {@code sink}. */
    synchronized void forEachEarly(EarlySink sink) {
        for (int i = 0; i < early; i++) {
            sink.accept(earlyVersions[i], earlyNanos[i]);
        }
    }

    /** Receives an early delivery. */
    @FunctionalInterface
    interface EarlySink {
        void accept(long version, long nanos);
    }
}
