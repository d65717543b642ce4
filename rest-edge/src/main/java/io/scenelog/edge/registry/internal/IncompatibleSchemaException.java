package io.scenelog.edge.registry.internal;

/** The schema breaks the subject's compatibility level; the message names each incompatibility. */
public final class IncompatibleSchemaException extends RegistryException {

    public IncompatibleSchemaException(String message) {
        super(RegistryErrorCode.INCOMPATIBLE_SCHEMA, message);
    }
}
