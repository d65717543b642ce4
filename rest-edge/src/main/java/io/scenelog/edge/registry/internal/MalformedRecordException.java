package io.scenelog.edge.registry.internal;

/**
 * A log record whose key or value is not a registry record (not JSON, or missing fields). The
 * reader logs it with its offset and skips it.
 */
public final class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
