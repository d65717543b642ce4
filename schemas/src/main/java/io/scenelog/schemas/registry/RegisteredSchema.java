package io.scenelog.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry answers {@code GET /subjects/{s}/versions/latest}.
 *
 * @param subject the subject, e.g. {@code scene-actions-value}
 * @param version the version within the subject, from 1
 * @param id the schema's global id
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

  /** Checks that every part is present. */
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
