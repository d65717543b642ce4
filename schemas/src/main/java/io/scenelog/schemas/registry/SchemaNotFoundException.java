package io.scenelog.schemas.registry;

/**
 * The registry has no schema with the requested id, or the subject asked about does not hold the
 * schema (Confluent error 40403).
 */
public class SchemaNotFoundException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message should name the id or the subject. */
  public SchemaNotFoundException(String message, int httpStatus, String registry) {
    super(message, RegistryErrorCodes.SCHEMA_NOT_FOUND, httpStatus, registry, null);
  }
}
