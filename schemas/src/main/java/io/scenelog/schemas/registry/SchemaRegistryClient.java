package io.scenelog.schemas.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the wire-format serde needs: register a schema
 * under a subject, look an id up, fetch a schema by id, read a subject's latest version.
 *
 * <p>Ids are global (one id per distinct schema, whatever the subject), versions are per subject,
 * as in Confluent's registry. Implementations are thread-safe. Failures are {@link
 * SchemaRegistryException}s; those worth retrying say so in {@link
 * SchemaRegistryException#isRetriable()}.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject}, or finds it there when it is registered already.
   *
   * @return the schema's global id
   * @throws IncompatibleSchemaException when the subject's compatibility level refuses the schema
   * @throws InvalidSchemaException when the registry cannot parse the schema
   */
  int register(String subject, Schema schema);

  /**
   * Looks up the id of {@code schema} under {@code subject} without registering it.
   *
   * @throws SubjectNotFoundException when the subject has no versions
   * @throws SchemaNotFoundException when the subject exists but does not hold this schema
   */
  int idOf(String subject, Schema schema);

  /**
   * Fetches the schema with a global id.
   *
   * @throws SchemaNotFoundException when no schema has this id
   */
  Schema schemaById(int id);

  /** The latest version registered under {@code subject}, or empty when the subject is unknown. */
  Optional<RegisteredSchema> latest(String subject);

  /** Where this registry lives (its base URL, or a name for an in-process one), for messages. */
  String location();
}
