package io.scenelog.streams.internal;

/**
 * An input record the commit processor cannot treat as an action or command (no value). Not retryable: the
 * processing exception handler dead-letters it.
 */
public final class UnprocessableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnprocessableRecordException(String message) {
        super(message);
    }
}
