package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's Avro payload does not decode with the writer schema its header names: it is cut
 * short, has bytes left over, or holds values its schema does not allow.
 */
public class UndecodablePayloadException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a record of {@code topic} written with schema {@code schemaId}
   * ({@code writerName}), with what went wrong.
   */
  public UndecodablePayloadException(
      String topic, int schemaId, String writerName, String problem, Throwable cause) {
    super("Record of topic " + topic + " does not decode with its writer schema " + writerName
        + " (id " + schemaId + "): " + problem, cause);
  }
}
