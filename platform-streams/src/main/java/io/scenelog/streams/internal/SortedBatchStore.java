package io.scenelog.streams.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A layer directly over RocksDB, under the changelog, that holds a commit's writes and hands them to RocksDB at the
 * commit as one batch in key order. The dedup log writes two or three keys per action, one of them a random
 * actionId: written one action at a time, each was a write batch of its own (four JNI calls) and a skip-list insert
 * that started from the memtable's top (a cache miss per level), 10 % of the stream thread. In key order, the
 * memtable's insert starts where the previous key went in.
 *
 * <p>Nothing waits for the network: the changelog layer above sends each write's record at once, as before, so
 * the transaction holds everything the store will hold; holding the RocksDB writes costs no more than the memtable
 * itself would (Kafka Streams runs RocksDB without its write-ahead log: a crash loses both and the store is restored
 * from the changelog). Reads and scans see the held writes.
 *
 * <p>Threads: the stream thread writes; other threads may read. A held write moves to RocksDB by a write there
 * first and its removal here second, and scans copy the held writes of their range before they open RocksDB's
 * iterator, so a reader sees every write in one place or the other.
 *
 * <p>Like {@link CoalescingStore}, this extends Kafka Streams' internal {@code WrappedStateStore}, whose
 * {@link #flushCache()} Kafka Streams calls before each commit; {@code SortedBatchStoreTest} checks that it still
 * does, through the metered and changelog layers above.
 */
final class SortedBatchStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
        implements KeyValueStore<Bytes, byte[]> {

    /** A held write: the new value, or null for a delete (the map itself takes no nulls). */
    private record Held(byte[] value) {
    }

    private final ConcurrentSkipListMap<Bytes, Held> held = new ConcurrentSkipListMap<>();

    SortedBatchStore(KeyValueStore<Bytes, byte[]> store) {
        super(store);
    }

    /** Supplies the stores {@code supplier} does, each with this layer over it. */
    static KeyValueBytesStoreSupplier supplier(KeyValueBytesStoreSupplier supplier) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return supplier.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new SortedBatchStore(supplier.get());
            }

            @Override
            public String metricsScope() {
                return supplier.metricsScope();
            }
        };
    }

    @Override
    public void put(Bytes key, byte[] value) {
        held.put(Objects.requireNonNull(key, "key"), new Held(value));
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] current = get(key);
        put(key, null);
        return current;
    }

    @Override
    public byte[] get(Bytes key) {
        Held write = held.get(key);
        return write != null ? write.value() : wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return merged(heldBetween(from, to), wrapped().range(from, to), false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return merged(heldBetween(from, to).descendingMap(), wrapped().reverseRange(from, to), true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return merged(held, wrapped().all(), false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return merged(held.descendingMap(), wrapped().reverseAll(), true);
    }

    @Override
    public <P extends Serializer<S>, S> KeyValueIterator<Bytes, byte[]> prefixScan(S prefix, P prefixSerializer) {
        Bytes from = Bytes.wrap(prefixSerializer.serialize(null, prefix));
        NavigableMap<Bytes, Held> inPrefix;
        try {
            inPrefix = held.subMap(from, true, Bytes.increment(from), false);
        } catch (IndexOutOfBoundsException noGreaterPrefix) {
            // the prefix is empty or all 0xff bytes: every key from it on has it
            inPrefix = held.tailMap(from, true);
        }
        return merged(inPrefix, wrapped().prefixScan(prefix, prefixSerializer), false);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries() + held.size();
    }

    /** Kafka Streams prepares a commit: the held writes go to RocksDB now, in key order. */
    @Override
    public void flushCache() {
        writeHeld();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeHeld();
        super.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeHeld();
        super.commit(changelogOffsets);
    }

    @Override
    public void close() {
        // A clean close has committed (and so written) first; what is still held belongs to an abandoned transaction.
        held.clear();
        super.close();
    }

    /** How many writes are held (for tests). */
    int heldWrites() {
        return held.size();
    }

    private void writeHeld() {
        if (held.isEmpty()) {
            return;
        }
        List<Map.Entry<Bytes, Held>> writes = new ArrayList<>(held.entrySet());
        List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(writes.size());
        writes.forEach(write -> batch.add(KeyValue.pair(write.getKey(), write.getValue().value())));
        wrapped().putAll(batch);
        // Removed only if not replaced meanwhile (writes come from this thread), after RocksDB holds them.
        writes.forEach(write -> held.remove(write.getKey(), write.getValue()));
    }

    /** The held writes from {@code from} to {@code to}, both included; a null bound is open, as in {@link #range}. */
    private NavigableMap<Bytes, Held> heldBetween(Bytes from, Bytes to) {
        if (from != null && to != null) {
            return from.compareTo(to) > 0 ? new ConcurrentSkipListMap<>() : held.subMap(from, true, to, true);
        }
        if (from != null) {
            return held.tailMap(from, true);
        }
        return to != null ? held.headMap(to, true) : held;
    }

    /** The stored entries with the held writes laid over them; the held ones are copied before RocksDB's opens. */
    private static KeyValueIterator<Bytes, byte[]> merged(NavigableMap<Bytes, Held> heldInRange,
            KeyValueIterator<Bytes, byte[]> stored, boolean reverse) {
        if (heldInRange.isEmpty()) {
            return stored;
        }
        return new MergedIterator(new ArrayList<>(heldInRange.entrySet()).iterator(), stored, reverse);
    }

    /**
     * Two sorted sequences as one, streamed (a scan of the dedup store may be long: the filter reads its ids a
     * slice at a time): at equal keys the held write wins, and a held delete hides the stored entry.
     */
    private static final class MergedIterator implements KeyValueIterator<Bytes, byte[]> {

        private final Iterator<Map.Entry<Bytes, Held>> held;
        private final KeyValueIterator<Bytes, byte[]> stored;
        private final int direction;
        private Map.Entry<Bytes, Held> nextHeld;
        private KeyValue<Bytes, byte[]> next;

        MergedIterator(Iterator<Map.Entry<Bytes, Held>> held, KeyValueIterator<Bytes, byte[]> stored,
                boolean reverse) {
            this.held = held;
            this.stored = stored;
            this.direction = reverse ? -1 : 1;
            this.nextHeld = held.hasNext() ? held.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (nextHeld != null || stored.hasNext())) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> entry = next;
            next = null;
            return entry;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            stored.close();
        }

        /** The next entry of the merge, or null when it was a held delete. */
        private KeyValue<Bytes, byte[]> advance() {
            int order = nextHeld == null ? 1 : !stored.hasNext() ? -1
                    : direction * nextHeld.getKey().compareTo(stored.peekNextKey());
            if (order > 0) {
                return stored.next();
            }
            if (order == 0) {
                stored.next();
            }
            Map.Entry<Bytes, Held> write = nextHeld;
            nextHeld = held.hasNext() ? held.next() : null;
            return write.getValue().value() == null ? null : KeyValue.pair(write.getKey(), write.getValue().value());
        }
    }
}
