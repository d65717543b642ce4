package io.scenelog.edge.registry.internal;

/** No schema has the requested id, or the schema is not registered in the subject. */
public final class SchemaNotFoundException extends RegistryException {

    private SchemaNotFoundException(String message) {
        super(RegistryErrorCode.SCHEMA_NOT_FOUND, message);
    }

    /** No schema is registered under {@code id}. */
    public static SchemaNotFoundException forId(String id) {
        return new SchemaNotFoundException("Schema " + id + " not found.");
    }

    /** The schema is not registered under {@code subject}. */
    public static SchemaNotFoundException inSubject(String subject) {
        return new SchemaNotFoundException("Schema not found in subject '" + subject + "'.");
    }
}
