package io.scenelog.schemas.wire;

import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.internal.PayloadDecoder;
import io.scenelog.schemas.wire.internal.SerdeSettings;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent wire-format records into {@link GenericRecord}s with the writer's own
 * schema, whatever the record type: for tools, bridges and analytics that do not know the types.
 * Values keep Avro's raw representation (strings as {@code Utf8}, timestamps as longs). Null bytes
 * (a tombstone) become null.
 *
 * <p>With {@code specific.avro.reader=true} it returns the generated class named like the writer
 * schema instead (generated classes are {@code GenericRecord}s too). Thread-safe.
 */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

  static {
    ScenelogSchemas.trustGeneratedClasses();
  }

  private volatile SchemaRegistryClient registry;
  private volatile boolean specificReader;
  private final SpecificAvroDeserializer<?> specific = new SpecificAvroDeserializer<>();
  private final PayloadDecoder decoder = new PayloadDecoder();
  private final ConcurrentMap<Integer, GenericDatumReader<GenericRecord>> readers =
      new ConcurrentHashMap<>();

  /** Creates a deserializer to be configured through {@link #configure}. */
  public GenericAvroDeserializer() {}

  /** Creates a deserializer reading from {@code registry}; {@code isKey} does not change it. */
  public GenericAvroDeserializer(SchemaRegistryClient registry, boolean isKey) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Applies the keys of {@link AvroSerdeConfig}. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeSettings settings = SerdeSettings.parse(configs, isKey, registry);
    this.registry = settings.registry();
    this.specificReader = settings.specificReader();
    if (specificReader) {
      specific.configure(configs, isKey);
    }
    readers.clear();
  }

  @Override
  public GenericRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (specificReader) {
      // Generated classes extend SpecificRecordBase, which implements GenericRecord.
      return (GenericRecord) specific.deserialize(topic, data);
    }
    int id = WireFormat.schemaId(topic, data);
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new IllegalStateException(
          "GenericAvroDeserializer is not configured: call configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a registry client");
    }
    Schema writer = decoder.writerSchema(client, topic, id);
    if (writer.getType() != Schema.Type.RECORD) {
      throw new IncompatibleWriterSchemaException(topic, id, writer.getFullName(), "a record",
          "the writer schema is a " + writer.getType() + ", not a record");
    }
    GenericDatumReader<GenericRecord> reader =
        readers.computeIfAbsent(id, i -> new GenericDatumReader<>(writer, writer,
            GenericData.get()));
    return PayloadDecoder.decode(topic, id, writer, data, reader);
  }
}
