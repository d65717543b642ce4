package io.scenelog.streams.internal;

import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A Bloom filter over the actionIds a task's dedup store holds, so that the lookup by actionId (a RocksDB read that
 * nearly always misses) is skipped for ids the store cannot hold. It answers only once it covers the whole store:
 * ids recorded while it exists are added as they are recorded, and those stored before (a restarted task) are read
 * from the store a slice at a time ({@link #indexSome}), between records rather than all at start-up; until then
 * every lookup goes to the store as before. Purged ids stay in the filter (a few more lookups, never a wrong
 * answer). When more ids are recorded than it was sized for, it starts again four times larger.
 */
final class ActionIdFilter {

    /** Bits per id: about a 1 % false-positive rate with {@link #HASHES} hashes in blocks of {@link #BLOCK_BITS}. */
    private static final int BITS_PER_ID = 10;
    private static final int HASHES = 7;
    /**
     * An id's bits all lie in one block of this many bits (a cache line): a lookup or an add touches one line of
     * memory instead of seven, which was most of the filter's cost once it outgrew the CPU's caches. The price is
     * a slightly higher false-positive rate than spreading the bits over the whole filter (about 1.0 % against 0.8).
     */
    private static final int BLOCK_BITS = 512;
    private static final int BLOCK_LONGS = BLOCK_BITS / 64;
    /** Bits of the second hash that pick one bit within a block. */
    private static final int BITS_PER_PICK = 9;
    /** The smallest filter, in ids: 80 KiB. */
    static final long MIN_CAPACITY = 65_536;
    /**
     * The largest filter, in ids: 80 MiB, a day of 800 actions/s in one task. Beyond it the filter fills up and
     * answers "unsure" more often (more lookups, still right).
     */
    static final long MAX_CAPACITY = 1L << 26;

    private final KeyValueStore<Bytes, byte[]> store;
    private long capacity;
    private long[] bits;
    private long added;
    /** Counts restarts, so a pass that outgrew the filter knows its cursor is gone. */
    private int generation;
    /** The next key of the store to read, or null once the filter covers the store. */
    private Bytes cursor;

    /** A filter sized for the store's current contents, which it has not read yet. */
    ActionIdFilter(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        // The store holds about two entries per outcome (by id, by number) and one per commit: ids ≤ entries.
        start(Math.max(MIN_CAPACITY, 2 * store.approximateNumEntries()));
    }

    /** Whether the store surely does not hold the id: false while unsure (not yet covering the store, or a hit). */
    boolean surelyAbsent(UUID actionId) {
        if (cursor != null) {
            return false;
        }
        long h1 = firstHash(actionId);
        int block = block(h1);
        long h2 = secondHash(h1, actionId);
        for (int i = 0; i < HASHES; i++) {
            int bit = bitInBlock(h2, i);
            if ((bits[block + (bit >>> 6)] & (1L << bit)) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Notes an id being recorded in the store. */
    void add(UUID actionId) {
        if (++added > capacity && capacity < MAX_CAPACITY) {
            start(Math.min(MAX_CAPACITY, capacity * 4));
            return;
        }
        long h1 = firstHash(actionId);
        int block = block(h1);
        long h2 = secondHash(h1, actionId);
        for (int i = 0; i < HASHES; i++) {
            int bit = bitInBlock(h2, i);
            bits[block + (bit >>> 6)] |= 1L << bit;
        }
    }

    /**
     * Reads up to {@code maxKeys} more of the store's ids into the filter.
     *
     * @return whether the filter now covers the store
     */
    boolean indexSome(int maxKeys) {
        if (cursor == null) {
            return true;
        }
        int read = 0;
        int pass = generation;
        Bytes last = null;
        try (KeyValueIterator<Bytes, byte[]> ids = store.range(cursor, DedupKeys.byIdLast())) {
            while (read < maxKeys && ids.hasNext()) {
                KeyValue<Bytes, byte[]> entry = ids.next();
                add(DedupKeys.uuid(entry.key.get(), 1));
                if (generation != pass) {
                    // add() outgrew the filter and started it again, from the store's first id
                    return false;
                }
                last = entry.key;
                read++;
            }
            if (!ids.hasNext()) {
                cursor = null;
                return true;
            }
        }
        cursor = DedupKeys.after(last);
        return false;
    }

    /** Whether the filter covers the store (for tests and metrics). */
    boolean complete() {
        return cursor == null;
    }

    private void start(long ids) {
        capacity = ids;
        long blocks = Math.max(1, ids * BITS_PER_ID / BLOCK_BITS);
        bits = new long[(int) (blocks * BLOCK_LONGS)];
        added = 0;
        generation++;
        cursor = DedupKeys.byIdFirst();
    }

    /** The index of the first long of the id's block. */
    private int block(long firstHash) {
        return (int) Math.floorMod(firstHash, (long) (bits.length / BLOCK_LONGS)) * BLOCK_LONGS;
    }

    /** The id's i-th bit within its block: the second hash's i-th slice of {@link #BITS_PER_PICK} bits. */
    private static int bitInBlock(long secondHash, int i) {
        return (int) (secondHash >>> (i * BITS_PER_PICK)) & (BLOCK_BITS - 1);
    }

    private static long firstHash(UUID id) {
        return mix(id.getMostSignificantBits() ^ mix(id.getLeastSignificantBits()));
    }

    /** Independent of the block the first hash picked: HASHES slices of it pick the bits. */
    private static long secondHash(long firstHash, UUID id) {
        return mix(firstHash ^ id.getLeastSignificantBits());
    }

    /** SplitMix64's finaliser: ids chosen by clients need not be random, the bits must be. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
