package io.scenelog.streams.internal;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** A dedup store for unit tests: Kafka Streams' in-memory key-value store, opened, without changelog or cache. */
final class DedupStores {

    private DedupStores() {
    }

    static KeyValueStore<Bytes, byte[]> inMemory() {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CommitStores.DEDUP), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
