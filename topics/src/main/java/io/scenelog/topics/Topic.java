package io.scenelog.topics;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalogue: its layout together with the types and serdes of its keys and values, so that a topic's
 * name never travels without the knowledge of how to read it.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Topic<K, V> {

    private final TopicSpec spec;
    private final String keyDescription;
    private final String valueDescription;
    private final SerdeFactory<K> keySerde;
    private final SerdeFactory<V> valueSerde;

    Topic(TopicSpec spec, String keyDescription, SerdeFactory<K> keySerde,
            String valueDescription, SerdeFactory<V> valueSerde) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.keyDescription = Objects.requireNonNull(keyDescription, "keyDescription");
        this.valueDescription = Objects.requireNonNull(valueDescription, "valueDescription");
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The topic name as Kafka knows it. */
    public String name() {
        return spec.name();
    }

    /** The topic's layout (partitions, cleanup, retention). */
    public TopicSpec spec() {
        return spec;
    }

    /** What the key holds, for people (e.g. "sceneId/entityId"). */
    public String keyDescription() {
        return keyDescription;
    }

    /** What the value holds, for people (e.g. "SceneEvent (Avro)"). */
    public String valueDescription() {
        return valueDescription;
    }

    /** A fresh serde for this topic's keys. */
    public Serde<K> keySerde(SchemaRegistryClient registry) {
        return keySerde.create(registry, true);
    }

    /** A fresh serde for this topic's values. */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerde.create(registry, false);
    }

    @Override
    public String toString() {
        return "Topic[" + spec.name() + "]";
    }
}
