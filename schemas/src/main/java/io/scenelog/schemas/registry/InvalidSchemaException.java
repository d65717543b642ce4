package io.scenelog.schemas.registry;

/** The registry could not parse a schema sent to it (Confluent error 42201). */
public class InvalidSchemaException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message should name the subject and the parse error. */
  public InvalidSchemaException(String message, int httpStatus, String registry) {
    super(message, RegistryErrorCodes.INVALID_SCHEMA, httpStatus, registry, null);
  }
}
