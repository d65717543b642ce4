package io.scenelog.streams.internal;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a store as {@code builder} does, with a {@link CoalescingStore} on top. */
final class CoalescingStoreBuilder implements StoreBuilder<KeyValueStore<String, byte[]>> {

    private final StoreBuilder<KeyValueStore<String, byte[]>> builder;

    CoalescingStoreBuilder(StoreBuilder<KeyValueStore<String, byte[]>> builder) {
        this.builder = builder;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withCachingEnabled() {
        builder.withCachingEnabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withCachingDisabled() {
        builder.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingEnabled(Map<String, String> config) {
        builder.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingDisabled() {
        builder.withLoggingDisabled();
        return this;
    }

    @Override
    public KeyValueStore<String, byte[]> build() {
        return new CoalescingStore(builder.build());
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
