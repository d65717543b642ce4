package io.scenelog.schemas.wire;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/**
 * Factories of the Confluent wire-format serdes, for code that holds a registry client (the topic
 * catalogue, Streams topologies, tests with an {@code InMemorySchemaRegistryClient}).
 */
public final class AvroSerdes {

  private AvroSerdes() {}

  /** The serde of the generated class {@code type}, for keys ({@code isKey}) or values. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> specific(
      Class<T> type, SchemaRegistryClient registry, boolean isKey) {
    return new SpecificAvroSerde<>(type, registry, isKey);
  }

  /** The serde of generic records, for keys ({@code isKey}) or values. */
  public static GenericAvroSerde generic(SchemaRegistryClient registry, boolean isKey) {
    return new GenericAvroSerde(registry, isKey);
  }
}
