package io.scenelog.streams.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store layer that writes a busy key once per commit however often it changes: a busy scene rewrites its scene
 * record and its moving entities on every action, and each write to a logged store is a RocksDB write and a
 * changelog record. Beyond a commit's first few writes, writes wait here, newest per key, until Kafka Streams
 * prepares the task's commit (it flushes the store layers' caches first, {@link #flushCache()}), and then go to the
 * store and its changelog in the same transaction as the outputs they belong to. Reads, scans and interactive
 * queries see the waiting writes, so nothing a reader sees changes; a task closed without a commit loses them with
 * the transaction.
 *
 * <p>The first few writes of each commit go through at once ({@link #WRITTEN_AT_ONCE}): they send the changelog's
 * first records of the transaction while the commit interval runs. Anything sent inside the commit makes the
 * commit's flush wait for it (and a changelog's first send of a transaction is checked with the transaction
 * coordinator, under transaction version 2), which is what made Kafka Streams' own record cache cost 10–20 ms of
 * latency here, and an expiry entry per commit 5–7 ms (see {@link DedupLog#record}). At a low rate (about one
 * action per task and commit) every write goes through as before; under load a commit writes each changed key once
 * more.
 *
 * <p>Threads: the stream thread writes; query threads read. A waiting write moves to the store by a write there
 * first and its removal here second, and scans copy the waiting writes before they open the store's iterator, so
 * a reader sees every write in one place or the other. Interactive queries of the newer kind
 * ({@link #query}) read the store underneath and see a write once it is committed.
 *
 * <p>This layer extends Kafka Streams' {@code WrappedStateStore} (an internal class, as the record cache's layer
 * does) because that is the hook Kafka Streams calls before it commits; {@code CoalescingStoreTest} checks that it
 * is still called.
 */
final class CoalescingStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
        implements KeyValueStore<String, byte[]> {

    /** Keys in the order the store keeps them: their UTF-8 bytes, unsigned. */
    private static final Comparator<byte[]> STORE_ORDER = Arrays::compareUnsigned;

    /** A waiting write: the new value, or null for a delete. */
    private record Waiting(byte[] value) {
    }

    /** How many writes of a commit go to the store at once; later ones wait for the commit. */
    static final int WRITTEN_AT_ONCE = 8;

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private int writtenThisCommit;

    CoalescingStore(KeyValueStore<String, byte[]> store) {
        super(store);
    }

    /** Builds the store as {@code builder} does, with this layer on top. */
    static StoreBuilder<KeyValueStore<String, byte[]>> builder(StoreBuilder<KeyValueStore<String, byte[]>> builder) {
        return new LayeredStoreBuilder<>(builder, CoalescingStore::new);
    }

    @Override
    public void put(String key, byte[] value) {
        Objects.requireNonNull(key, "key");
        // Nothing waits before the commit's first WRITTEN_AT_ONCE writes, so a write let through never overtakes
        // a waiting one of the same key.
        if (writtenThisCommit < WRITTEN_AT_ONCE) {
            writtenThisCommit++;
            wrapped().put(key, value);
            return;
        }
        waiting.put(key, new Waiting(value));
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public byte[] delete(String key) {
        byte[] current = get(key);
        put(key, null);
        return current;
    }

    @Override
    public byte[] get(String key) {
        Waiting write = waiting.get(key);
        return write != null ? write.value() : wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return merged(() -> wrapped().range(from, to), between(from, to), false);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return merged(() -> wrapped().reverseRange(from, to), between(from, to), true);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return merged(() -> wrapped().all(), bytes -> true, false);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return merged(() -> wrapped().reverseAll(), bytes -> true, true);
    }

    @Override
    public <P extends Serializer<S>, S> KeyValueIterator<String, byte[]> prefixScan(S prefix, P prefixSerializer) {
        byte[] start = prefixSerializer.serialize(null, prefix);
        return merged(() -> wrapped().prefixScan(prefix, prefixSerializer),
                bytes -> bytes.length >= start.length
                        && Arrays.equals(bytes, 0, start.length, start, 0, start.length), false);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** Kafka Streams prepares a commit: the waiting writes go to the store (and its changelog) now. */
    @Override
    public void flushCache() {
        writeWaiting();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        // Kafka Streams flushes the caches before it commits; should a path ever skip that, nothing is lost.
        writeWaiting();
        super.commit(changelogOffsets);
    }

    @Override
    public void close() {
        // A clean close has committed (and so written) first; anything still waiting belongs to a transaction
        // that is being abandoned.
        waiting.clear();
        super.close();
    }

    /** How many writes wait for the commit (for tests). */
    int waitingWrites() {
        return waiting.size();
    }

    private void writeWaiting() {
        for (Map.Entry<String, Waiting> write : waiting.entrySet()) {
            wrapped().put(write.getKey(), write.getValue().value());
            // Removed only if not replaced meanwhile (it cannot be: writes come from this thread), after the store
            // holds it, so a concurrent reader finds it in one place or the other.
            waiting.remove(write.getKey(), write.getValue());
        }
        writtenThisCommit = 0;
    }

    /**
     * The store's entries in a range with the waiting writes laid over them, in the store's order. Materialised:
     * scans here are a scene's entities or sessions, and read whole by their callers anyway.
     */
    private KeyValueIterator<String, byte[]> merged(Supplier<KeyValueIterator<String, byte[]>> stored,
            Predicate<byte[]> inRange, boolean reverse) {
        // Copied before the store's iterator opens: a write that moves to the store in between is then in the copy.
        Map<String, Waiting> writes = new HashMap<>();
        waiting.forEach((key, write) -> {
            if (inRange.test(utf8(key))) {
                writes.put(key, write);
            }
        });
        Comparator<byte[]> order = reverse ? STORE_ORDER.reversed() : STORE_ORDER;
        TreeMap<byte[], KeyValue<String, byte[]>> entries = new TreeMap<>(order);
        try (KeyValueIterator<String, byte[]> it = stored.get()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                entries.put(utf8(entry.key), entry);
            }
        }
        writes.forEach((key, write) -> {
            if (write.value() == null) {
                entries.remove(utf8(key));
            } else {
                entries.put(utf8(key), KeyValue.pair(key, write.value()));
            }
        });
        return new ListIterator(new ArrayList<>(entries.values()));
    }

    /** Keys from {@code from} to {@code to}, both included; a null bound is open, as in {@link #range}. */
    private static Predicate<byte[]> between(String from, String to) {
        byte[] low = from == null ? null : utf8(from);
        byte[] high = to == null ? null : utf8(to);
        return bytes -> (low == null || STORE_ORDER.compare(bytes, low) >= 0)
                && (high == null || STORE_ORDER.compare(bytes, high) <= 0);
    }

    private static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** An iterator over entries already read. */
    private static final class ListIterator implements KeyValueIterator<String, byte[]> {

        private final List<KeyValue<String, byte[]>> entries;
        private int next;

        ListIterator(List<KeyValue<String, byte[]>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return next < entries.size();
        }

        @Override
        public KeyValue<String, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return entries.get(next++);
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return entries.get(next).key;
        }

        @Override
        public void close() {
        }
    }
}
