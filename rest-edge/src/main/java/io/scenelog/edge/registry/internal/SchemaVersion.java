package io.scenelog.edge.registry.internal;

/**
 * One version of a subject as the registry holds it.
 *
 * @param subject the subject
 * @param version the version number within the subject, from 1
 * @param id the global schema id
 * @param schema the schema, its text as first registered under {@code id}
 * @param deleted whether the version is soft-deleted (hidden from normal reads)
 */
public record SchemaVersion(String subject, int version, int id, RegisteredSchema schema,
        boolean deleted) {
}
