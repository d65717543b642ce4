package io.scenelog.schemas.registry;

/**
 * The registry refused to register a schema because it breaks the subject's compatibility level
 * (Confluent error 409). The message carries the registry's list of incompatibilities.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message should name the subject and the incompatibilities. */
  public IncompatibleSchemaException(String message, int httpStatus, String registry) {
    super(message, RegistryErrorCodes.INCOMPATIBLE_SCHEMA, httpStatus, registry, null);
  }
}
