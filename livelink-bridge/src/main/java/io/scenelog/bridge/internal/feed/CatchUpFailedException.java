package io.scenelog.bridge.internal.feed;

/** A catch-up from the log could not read what it needed in time. Retryable: the client reconnects and resumes. */
public final class CatchUpFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read
     * @param cause   Kafka's exception, or null
     */
    public CatchUpFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
