package io.scenelog.schemas.wire;

import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.internal.RegistryCalls;
import io.scenelog.schemas.wire.internal.SerdeSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes Avro records, generated ({@code SpecificRecord}) or generic, in the Confluent wire
 * format. The subject is {@code <topic>-key} or {@code <topic>-value}; the record's schema is
 * registered there on first use (or only looked up with {@code auto.register.schemas=false}) and
 * its id cached. A null record becomes null bytes (a tombstone).
 *
 * <p>Usable from code ({@link #AvroSerializer(SchemaRegistryClient, boolean)}) or from a Kafka
 * configuration ({@code value.serializer=io.scenelog.schemas.wire.AvroSerializer} with the keys of
 * {@link AvroSerdeConfig}). Thread-safe.
 *
 * @param <T> the record type
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AvroSerializer.class);

  /** Generic records may hold converted values (UUID, Instant) or raw ones (String, long). */
  private static final GenericData GENERIC = genericWithConversions();

  static {
    ScenelogSchemas.trustGeneratedClasses();
  }

  private volatile SchemaRegistryClient registry;
  private volatile boolean isKey;
  private volatile boolean autoRegister = true;
  /*
   * Keyed by topic, not subject: the subject is derived from the topic, and building its string for every record
   * (then hashing it for the lookup) was a visible part of the commit pipeline's serialisation.
   */
  private final ConcurrentMap<TopicSchema, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<Object>> specificWriters =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<Object>> genericWriters =
      new ConcurrentHashMap<>();

  /** Creates a serializer to be configured through {@link #configure}. */
  public AvroSerializer() {}

  /** Creates a serializer that registers new schemas in {@code registry}. */
  public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
    this(registry, isKey, true);
  }

  /** Creates a serializer; with {@code autoRegister} false it only looks schema ids up. */
  public AvroSerializer(SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.isKey = isKey;
    this.autoRegister = autoRegister;
  }

  /** Applies the keys of {@link AvroSerdeConfig}; absent keys take their defaults. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeSettings settings = SerdeSettings.parse(configs, isKey, registry);
    this.registry = settings.registry();
    this.isKey = isKey;
    this.autoRegister = settings.autoRegister();
    ids.clear();
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Schema schema = data.getSchema();
    int id = idFor(topic, schema);
    ReusableBuffer out = BUFFER.get();
    out.writeBytes(WireFormat.header(id));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writerFor(schema, data).write(data, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      // Avro reports a null in a required field as NPE and a wrong type as ClassCastException.
      throw new UnencodableRecordException(topic, schema.getFullName(), e);
    } finally {
      out.release();
    }
  }

  private int idFor(String topic, Schema schema) {
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new IllegalStateException(
          "AvroSerializer is not configured: call configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a registry client");
    }
    TopicSchema key = new TopicSchema(topic, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    String subject = TopicNameStrategy.subject(topic, isKey);
    int id = RegistryCalls.idFor(client, subject, schema, autoRegister);
    if (ids.putIfAbsent(key, id) == null) {
      LOG.info("Schema {} has id {} under subject {} in the schema registry at {}.",
          schema.getFullName(), id, subject, client.location());
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<Object> writerFor(Schema schema, T data) {
    if (data instanceof SpecificRecord) {
      // The generated class's own model knows its logical-type conversions.
      return specificWriters.computeIfAbsent(
          schema, s -> (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s));
    }
    return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, GENERIC));
  }

  private static GenericData genericWithConversions() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    return data;
  }

  private record TopicSchema(String topic, Schema schema) {}

  /*
   * Each thread encodes into its own buffer and copies the bytes out once: a fresh small buffer per record grew by
   * doubling (three or four copies for an entity state) before the final copy.
   */
  private static final ThreadLocal<ReusableBuffer> BUFFER = ThreadLocal.withInitial(ReusableBuffer::new);

  /** A byte buffer a thread reuses between records, dropped back to its first size after a large one. */
  private static final class ReusableBuffer extends ByteArrayOutputStream {
    private static final int INITIAL_BYTES = 1024;
    private static final int KEPT_BYTES = 64 * 1024;

    ReusableBuffer() {
      super(INITIAL_BYTES);
    }

    /**
     * Empties the buffer after use, keeping no more than {@link #KEPT_BYTES} per thread: a rare large record must
     * not stay in memory.
     */
    void release() {
      reset();
      if (buf.length > KEPT_BYTES) {
        buf = new byte[INITIAL_BYTES];
      }
    }
  }
}
