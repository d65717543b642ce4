package io.scenelog.streams.internal;

import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store layer that tells its processor when Kafka Streams prepares the task's commit, so the processor can write
 * what it gathered during the transaction (once per commit rather than once per record) inside that transaction.
 * Everything else passes straight through. Kafka Streams calls the hook where it flushes its record caches: before
 * the producer is flushed and the transaction committed, and never for a task abandoned without a commit, whose
 * gathered writes then go with its transaction. Like {@link CoalescingStore} it extends Kafka Streams' internal
 * {@code WrappedStateStore}; {@code PreCommitStoreTest} checks that the hook is still called.
 */
final class PreCommitStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
        implements KeyValueStore<Bytes, byte[]> {

    private Runnable beforeCommit = () -> { };

    PreCommitStore(KeyValueStore<Bytes, byte[]> store) {
        super(store);
    }

    /** Builds the store as {@code builder} does, with this layer on top. */
    static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder(StoreBuilder<KeyValueStore<Bytes, byte[]>> builder) {
        return new LayeredStoreBuilder<>(builder, PreCommitStore::new);
    }

    /**
     * This layer under the store a processor got from its context (Kafka Streams wraps it in decorators).
     *
     * @throws IllegalArgumentException when the store was not built with {@link #builder}
     */
    static PreCommitStore of(StateStore store) {
        StateStore layer = store;
        while (!(layer instanceof PreCommitStore) && layer instanceof WrappedStateStore<?, ?, ?> wrapper) {
            layer = wrapper.wrapped();
        }
        if (layer instanceof PreCommitStore found) {
            return found;
        }
        throw new IllegalArgumentException("Store " + store.name() + " has no pre-commit layer");
    }

    /** Runs {@code hook} on the stream thread whenever the task is about to commit (replacing any earlier hook). */
    void beforeCommit(Runnable hook) {
        beforeCommit = hook;
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
        super.flushCache();
    }

    @Override
    public void put(Bytes key, byte[] value) {
        wrapped().put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        wrapped().putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
        return wrapped().delete(key);
    }

    @Override
    public byte[] get(Bytes key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <P extends Serializer<S>, S> KeyValueIterator<Bytes, byte[]> prefixScan(S prefix, P prefixSerializer) {
        return wrapped().prefixScan(prefix, prefixSerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    @Override
    public void close() {
        beforeCommit = () -> { };
        super.close();
    }
}
