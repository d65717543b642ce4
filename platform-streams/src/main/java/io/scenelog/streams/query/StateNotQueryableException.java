package io.scenelog.streams.query;

/**
 * The instance owning a scene cannot answer a state query now: partitions are being reassigned, a store is being
 * restored, or the owner cannot be reached. Retryable: ask again shortly.
 */
public final class StateNotQueryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateNotQueryableException(String message) {
        super(message);
    }

    public StateNotQueryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
