package io.scenelog.schemas.wire;

import io.scenelog.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not answer the serde (unreachable, timed out, server error). A
 * Kafka {@link RetriableException}, deliberately not a {@code SerializationException}: the record
 * is fine, so a deserialization handler must not send it to dead-letters but fail or retry.
 */
public class RegistryUnavailableException extends RetriableException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code what} (e.g. "fetching schema id 7 for topic T"). */
  public RegistryUnavailableException(String what, SchemaRegistryException cause) {
    super("Schema registry unavailable while " + what + ": " + cause.getMessage(), cause);
  }
}
