package io.scenelog.streams;

/**
 * The pipeline did not reach RUNNING: Kafka or the registry unreachable, topics missing or mismatched, the state
 * directory locked by another instance, or no RUNNING before the start timeout. The message says which.
 */
public final class StreamsStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StreamsStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
