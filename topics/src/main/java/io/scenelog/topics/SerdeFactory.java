package io.scenelog.topics;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the serde of one side (key or value) of a topic. Avro serdes need the schema registry; plain ones ignore it.
 *
 * @param <T> the type the serde reads and writes
 */
@FunctionalInterface
public interface SerdeFactory<T> {

    /**
     * @param registry the registry Avro serdes register and look up schemas in
     * @param isKey    whether the serde is for record keys (subject {@code <topic>-key}) or values
     */
    Serde<T> create(SchemaRegistryClient registry, boolean isKey);
}
