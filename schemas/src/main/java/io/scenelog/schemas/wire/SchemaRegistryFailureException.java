package io.scenelog.schemas.wire;

import io.scenelog.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry refused a request of the serde for a reason that retrying will not fix (an
 * incompatible schema, a rejected request). The cause carries the registry's error code.
 */
public class SchemaRegistryFailureException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code what} (e.g. "registering X under subject Y"). */
  public SchemaRegistryFailureException(String what, SchemaRegistryException cause) {
    super("Schema registry request failed while " + what + ": " + cause.getMessage(), cause);
  }
}
