package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record names a schema id that the schema registry does not know: it was written against
 * another registry, or the registry lost its {@code _schemas} topic.
 */
public class UnknownSchemaIdException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final int schemaId;

  /** Creates the exception for {@code schemaId}, unknown to the registry at {@code registry}. */
  public UnknownSchemaIdException(String topic, int schemaId, String registry, Throwable cause) {
    super("Record of topic " + topic + " names schema id " + schemaId
        + ", which the schema registry at " + registry + " does not know", cause);
    this.schemaId = schemaId;
  }

  /** The unknown id. */
  public int schemaId() {
    return schemaId;
  }
}
