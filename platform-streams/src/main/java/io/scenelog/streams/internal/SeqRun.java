package io.scenelog.streams.internal;

import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;

/**
 * The numbers one client records in a transaction beyond its first few outcomes, held by the dedup log until the
 * commit and then stored as one entry ({@link DedupKeys#runKey}) instead of one per number. Numbers come in
 * ascending order: the dedup log adds only numbers above the client's highest.
 */
final class SeqRun {

    private final Bytes key;
    private long[] seqs = new long[16];
    private UUID[] actionIds = new UUID[16];
    private int count;

    /** A run of the client's numbers starting at {@code firstSeq}. */
    SeqRun(Bytes client, long firstSeq) {
        this.key = DedupKeys.runKey(client, firstSeq);
    }

    /** The run's key in the store. */
    Bytes key() {
        return key;
    }

    /**
     * Adds a number.
     *
     * @throws IllegalArgumentException if it is not above the run's highest
     */
    void add(long seq, UUID actionId) {
        if (count > 0 && seq <= seqs[count - 1]) {
            throw new IllegalArgumentException("Run numbers ascend: " + seq + " after " + seqs[count - 1]);
        }
        if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            actionIds = Arrays.copyOf(actionIds, count * 2);
        }
        seqs[count] = seq;
        actionIds[count] = actionId;
        count++;
    }

    /** The actionId holding {@code seq} in this run, or null. */
    UUID find(long seq) {
        int at = Arrays.binarySearch(seqs, 0, count, seq);
        return at >= 0 ? actionIds[at] : null;
    }

    /** The run's highest number. */
    long lastSeq() {
        return seqs[count - 1];
    }

    /** The run's value in the store. */
    byte[] value() {
        return DedupKeys.runValue(seqs, actionIds, count);
    }
}
