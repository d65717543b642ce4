package io.scenelog.edge.registry.internal;

/**
 * A log record that decodes but contradicts the registry's state (for instance a schema id that
 * already names a different schema). The reader logs and skips it: applying it could make an id
 * name two schemas.
 */
public final class InconsistentRecordException extends RuntimeException {

    public InconsistentRecordException(String message) {
        super(message);
    }

    public InconsistentRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
