package io.scenelog.schemas.wire.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.schemas.compat.CompatibilityResult;
import io.scenelog.schemas.compat.SchemaCompatibilityGate;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.IncompatibleWriterSchemaException;
import io.scenelog.schemas.wire.UndecodablePayloadException;
import io.scenelog.schemas.wire.WireFormat;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * The deserializers' common part: the writer schemas by id (cached; ids never change meaning) and
 * the decoding of a payload after the header, with every failure named for its condition.
 */
public final class PayloadDecoder {

  private final ConcurrentMap<Integer, Schema> writers = new ConcurrentHashMap<>();

  /** The writer schema of {@code schemaId}, fetched from {@code registry} once. */
  public Schema writerSchema(SchemaRegistryClient registry, String topic, int schemaId) {
    Schema cached = writers.get(schemaId);
    if (cached != null) {
      return cached;
    }
    Schema fetched = RegistryCalls.schemaById(registry, topic, schemaId);
    Schema raced = writers.putIfAbsent(schemaId, fetched);
    return raced != null ? raced : fetched;
  }

  /**
   * Checks once per writer id that {@code reader} can resolve data written with {@code writer}, so
   * that a mismatch fails with Avro's findings rather than with a confusing decoding error.
   */
  public static void requireResolvable(String topic, int schemaId, Schema writer, Schema reader) {
    CompatibilityResult result =
        SchemaCompatibilityGate.check(reader, writer, CompatibilityLevel.BACKWARD);
    if (!result.isCompatible()) {
      throw new IncompatibleWriterSchemaException(
          topic, schemaId, writer.getFullName(), reader.getFullName(), result.describe());
    }
  }

  /** Decodes the payload of {@code record} (after the header) with {@code reader}. */
  public static <T> T decode(
      String topic, int schemaId, Schema writer, byte[] record, DatumReader<T> reader) {
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(record, WireFormat.HEADER_SIZE, record.length - WireFormat.HEADER_SIZE,
                null);
    T value;
    try {
      value = reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      // Avro reports bad data as EOF, AvroRuntimeException, or index and size errors alike.
      throw new UndecodablePayloadException(topic, schemaId, writer.getFullName(), e.toString(), e);
    }
    try {
      if (!decoder.isEnd()) {
        throw new UndecodablePayloadException(topic, schemaId, writer.getFullName(),
            "bytes are left over after the datum; it was written with another schema", null);
      }
    } catch (IOException e) {
      throw new UndecodablePayloadException(topic, schemaId, writer.getFullName(), e.toString(), e);
    }
    return value;
  }
}
