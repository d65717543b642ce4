package io.scenelog.schemas.registry;

/** The registry has no subject of this name (Confluent error 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a missing subject; the message should name the subject. */
  public SubjectNotFoundException(String message, int httpStatus, String registry) {
    super(message, RegistryErrorCodes.SUBJECT_NOT_FOUND, httpStatus, registry, null);
  }
}
