package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * With {@code auto.register.schemas=false}, the schema of a record to serialize is not registered
 * under its subject: register it first (or release it through the registry's API).
 */
public class SchemaNotRegisteredException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code schemaName} missing under {@code subject}. */
  public SchemaNotRegisteredException(
      String subject, String schemaName, String registry, Throwable cause) {
    super("Schema " + schemaName + " is not registered under subject " + subject
        + " in the schema registry at " + registry + ", and auto.register.schemas is false", cause);
  }
}
