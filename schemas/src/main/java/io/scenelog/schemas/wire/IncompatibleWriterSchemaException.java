package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's writer schema cannot be resolved to the schema the deserializer reads with: another
 * record type on the topic, or an incompatible change. The message lists Avro's findings.
 */
public class IncompatibleWriterSchemaException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a record of {@code topic} written with {@code schemaId}. */
  public IncompatibleWriterSchemaException(
      String topic, int schemaId, String writerName, String readerName, String detail) {
    super("Record of topic " + topic + " was written with schema " + writerName + " (id "
        + schemaId + "), which cannot be read as " + readerName + ": " + detail);
  }
}
