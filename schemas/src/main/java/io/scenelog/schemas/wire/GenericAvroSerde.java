package io.scenelog.schemas.wire;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of {@link GenericRecord}s in the Confluent wire format: an {@link AvroSerializer} and a
 * {@link GenericAvroDeserializer}. Use {@link AvroSerdes#generic} from code; the no-argument
 * constructor serves Kafka configurations.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

  private final AvroSerializer<GenericRecord> serializer;
  private final GenericAvroDeserializer deserializer;

  /** Creates a serde to be configured through {@link #configure}. */
  public GenericAvroSerde() {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new GenericAvroDeserializer();
  }

  /** Creates a serde for keys or values, registering new schemas. */
  public GenericAvroSerde(SchemaRegistryClient registry, boolean isKey) {
    this.serializer = new AvroSerializer<>(registry, isKey);
    this.deserializer = new GenericAvroDeserializer(registry, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return deserializer;
  }
}
