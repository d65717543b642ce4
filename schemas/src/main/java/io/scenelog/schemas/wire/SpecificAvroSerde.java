package io.scenelog.schemas.wire;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a generated Avro class in the Confluent wire format: an {@link AvroSerializer} and a
 * {@link SpecificAvroDeserializer}. Use {@link AvroSerdes#specific} from code; the no-argument
 * constructor serves Kafka Streams' {@code default.value.serde} configuration.
 *
 * @param <T> the generated class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  /** Creates a serde to be configured through {@link #configure}. */
  public SpecificAvroSerde() {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new SpecificAvroDeserializer<>();
  }

  /** Creates a serde of {@code type} for keys or values, registering new schemas. */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry, boolean isKey) {
    this.serializer = new AvroSerializer<>(registry, isKey);
    this.deserializer = new SpecificAvroDeserializer<>(type, registry, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
