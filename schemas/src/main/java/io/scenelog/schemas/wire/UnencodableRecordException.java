package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record cannot be encoded with its own schema: a required field is null, or a value has the
 * wrong type for its field.
 */
public class UnencodableRecordException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a {@code schemaName} record sent to {@code topic}. */
  public UnencodableRecordException(String topic, String schemaName, Throwable cause) {
    super("Cannot encode a " + schemaName + " record for topic " + topic + ": " + cause, cause);
  }
}
