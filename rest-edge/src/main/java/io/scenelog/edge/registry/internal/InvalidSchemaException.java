package io.scenelog.edge.registry.internal;

/** The schema text is not a valid schema of a supported type. */
public final class InvalidSchemaException extends RegistryException {

    public InvalidSchemaException(String message) {
        super(RegistryErrorCode.INVALID_SCHEMA, message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(RegistryErrorCode.INVALID_SCHEMA, message, cause);
    }
}
