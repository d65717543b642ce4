package io.scenelog.streams.internal;

/**
 * An accepted action whose output would exceed the record size limit. Thrown after the action was answered with a
 * rejection and nothing was committed, so that the processing exception handler dead-letters the source record
 * for an operator. Not retryable: the same action always produces the same output.
 */
public final class OversizedResultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OversizedResultException(String message) {
        super(message);
    }
}
