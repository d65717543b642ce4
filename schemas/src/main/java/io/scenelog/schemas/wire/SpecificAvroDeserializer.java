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
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent wire-format records into a generated Avro class. The writer schema is
 * fetched by the id in the header (and cached); Avro's schema resolution maps it to the class's
 * schema, so records written with an older or newer compatible schema read fine. Null bytes (a
 * tombstone) become null.
 *
 * <p>The class is the one given at construction, or from {@code specific.avro.value.type} / {@code
 * specific.avro.key.type}; without either, the generated class named like the writer schema.
 * Thread-safe.
 *
 * @param <T> the generated class
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  static {
    ScenelogSchemas.trustGeneratedClasses();
  }

  private volatile SchemaRegistryClient registry;
  private volatile Class<? extends SpecificRecord> type;
  private final PayloadDecoder decoder = new PayloadDecoder();
  private final ConcurrentMap<Integer, Reader<T>> readers = new ConcurrentHashMap<>();

  /** Creates a deserializer to be configured through {@link #configure}. */
  public SpecificAvroDeserializer() {}

  /** Creates a deserializer of {@code type} records; {@code isKey} does not change its work. */
  public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry, boolean isKey) {
    this.type = Objects.requireNonNull(type, "type");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Applies the keys of {@link AvroSerdeConfig}; a configured class replaces the given one. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeSettings settings = SerdeSettings.parse(configs, isKey, registry);
    this.registry = settings.registry();
    if (settings.specificType() != null) {
      this.type = settings.specificType();
    }
    readers.clear();
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(topic, data);
    Reader<T> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(topic, id);
      readers.putIfAbsent(id, reader);
    }
    return PayloadDecoder.decode(topic, id, reader.writer, data, reader.datumReader);
  }

  private Reader<T> readerFor(String topic, int id) {
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new IllegalStateException(
          "SpecificAvroDeserializer is not configured: call configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a registry client");
    }
    Schema writer = decoder.writerSchema(client, topic, id);
    Class<?> target = type != null ? type : classNamed(topic, id, writer);
    SpecificData model = PlainListSpecificData.forClass(target);
    Schema reader = model.getSchema(target);
    PayloadDecoder.requireResolvable(topic, id, writer, reader);
    return new Reader<>(writer, new SpecificDatumReader<>(writer, reader, model));
  }

  private static Class<?> classNamed(String topic, int id, Schema writer) {
    Class<?> found = SpecificData.get().getClass(writer);
    if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
      throw new IncompatibleWriterSchemaException(topic, id, writer.getFullName(),
          "a generated class", "no generated SpecificRecord class named " + writer.getFullName()
              + " is on the classpath; configure " + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE
              + " (or ...key.type) or read generic records");
    }
    return found;
  }

  private static final class Reader<T> {
    private final Schema writer;
    private final DatumReader<T> datumReader;

    private Reader(Schema writer, DatumReader<T> datumReader) {
      this.writer = writer;
      this.datumReader = datumReader;
    }
  }
}
