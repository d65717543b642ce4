package io.scenelog.schemas.wire.internal;

import io.scenelog.schemas.registry.SchemaNotFoundException;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.schemas.registry.SubjectNotFoundException;
import io.scenelog.schemas.wire.RegistryUnavailableException;
import io.scenelog.schemas.wire.SchemaNotRegisteredException;
import io.scenelog.schemas.wire.SchemaRegistryFailureException;
import io.scenelog.schemas.wire.UnknownSchemaIdException;
import org.apache.avro.Schema;

/**
 * The registry calls of the serde, with the registry's exceptions translated into the Kafka
 * exceptions that producers, consumers and Streams handlers understand.
 */
public final class RegistryCalls {

  private RegistryCalls() {}

  /** Registers (or, without auto-registration, looks up) {@code schema} under {@code subject}. */
  public static int idFor(
      SchemaRegistryClient registry, String subject, Schema schema, boolean autoRegister) {
    String what =
        (autoRegister ? "registering " : "looking up ") + schema.getFullName() + " under subject "
            + subject;
    try {
      return autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
    } catch (SubjectNotFoundException | SchemaNotFoundException e) {
      if (autoRegister) {
        throw translate(what, e);
      }
      throw new SchemaNotRegisteredException(subject, schema.getFullName(), e.registry(), e);
    } catch (SchemaRegistryException e) {
      throw translate(what, e);
    }
  }

  /** Fetches the writer schema of {@code schemaId}, named in a record of {@code topic}. */
  public static Schema schemaById(SchemaRegistryClient registry, String topic, int schemaId) {
    try {
      return registry.schemaById(schemaId);
    } catch (SchemaNotFoundException e) {
      throw new UnknownSchemaIdException(topic, schemaId, e.registry(), e);
    } catch (SchemaRegistryException e) {
      throw translate("fetching schema id " + schemaId + " for a record of topic " + topic, e);
    }
  }

  private static RuntimeException translate(String what, SchemaRegistryException e) {
    if (e.isRetriable()) {
      return new RegistryUnavailableException(what, e);
    }
    return new SchemaRegistryFailureException(what, e);
  }
}
