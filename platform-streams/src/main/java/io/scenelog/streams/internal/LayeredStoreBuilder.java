package io.scenelog.streams.internal;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a store as another builder does, with a layer of ours on top ({@link CoalescingStore},
 * {@link PreCommitStore}); the store's name, changelog and caching stay the other builder's.
 */
final class LayeredStoreBuilder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {

    private final StoreBuilder<KeyValueStore<K, V>> builder;
    private final UnaryOperator<KeyValueStore<K, V>> layer;

    LayeredStoreBuilder(StoreBuilder<KeyValueStore<K, V>> builder, UnaryOperator<KeyValueStore<K, V>> layer) {
        this.builder = builder;
        this.layer = layer;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
        builder.withCachingEnabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
        builder.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        builder.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
        builder.withLoggingDisabled();
        return this;
    }

    @Override
    public KeyValueStore<K, V> build() {
        return layer.apply(builder.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return builder.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return builder.loggingEnabled();
    }

    @Override
    public String name() {
        return builder.name();
    }
}
