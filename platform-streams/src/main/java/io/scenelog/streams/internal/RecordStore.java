package io.scenelog.streams.internal;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One of the processor's state stores, holding Avro records as the bytes of their topic (the Confluent wire format),
 * with the task's most recently used records kept decoded. Every action reads its scene and entities and writes
 * them back: decoding them again each time was a large part of the work, and an entity written to its store is
 * stored as the very bytes just sent to its topic, so it is serialised once.
 *
 * <p>The decoded records are a write-through copy of the store for one processor: the processor is the store's only
 * writer, every write passes here, and the copy is dropped with the processor (a task that is closed, revived or
 * moved starts empty). Decoded records are shared between actions, so nobody may change one: the rules build new
 * records instead (they copy before they change).
 *
 * @param <V> the record type
 */
final class RecordStore<V extends SpecificRecord> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;
    private final String topic;
    private final Serializer<V> writer;
    private final Deserializer<V> reader;
    private final Map<String, V> recent;

    /**
     * @param topic    the topic whose serde encodes the records (its subject names their schema in the registry)
     * @param capacity how many decoded records to keep, least recently used dropped first
     */
    RecordStore(KeyValueStore<String, byte[]> store, Topic<String, V> topic, SchemaRegistryClient registry,
            int capacity) {
        this.store = store;
        this.topic = topic.name();
        this.writer = topic.valueSerde(registry).serializer();
        this.reader = topic.valueSerde(registry).deserializer();
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The record under the key, or null. */
    V get(String key) {
        V cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        V stored = decode(store.get(key));
        if (stored != null) {
            recent.put(key, stored);
        }
        return stored;
    }

    /** Writes a record (null deletes). */
    void put(String key, V value) {
        put(key, value, value == null ? null : writer.serialize(topic, value));
    }

    /**
     * Writes a record already encoded by this store's topic serde (the bytes sent to the topic).
     *
     * @param encoded {@code value} in the wire format, null with a null value (a delete)
     */
    void put(String key, V value, byte[] encoded) {
        // Forgotten first: should the write fail, the next read goes to the store.
        recent.remove(key);
        store.put(key, encoded);
        if (value != null) {
            recent.put(key, value);
        }
    }

    /** Deletes the record under the key; whether there was one. */
    boolean delete(String key) {
        recent.remove(key);
        return store.delete(key) != null;
    }

    /** Every record whose key starts with {@code prefix}, in key order. */
    List<V> scan(String prefix) {
        List<V> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                V value = decode(it.next().value);
                if (value != null) {
                    all.add(value);
                }
            }
        }
        return all;
    }

    /** Every record with its key, in key order. */
    void forEach(BiConsumer<String, V> action) {
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                V value = decode(next.value);
                if (value != null) {
                    action.accept(next.key, value);
                }
            }
        }
    }

    private V decode(byte[] bytes) {
        return bytes == null ? null : reader.deserialize(topic, bytes);
    }
}
