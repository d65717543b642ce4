package io.scenelog.kafka.embedded;

/**
 * A broker could not be started: storage formatting, binding its ports, or the readiness check
 * failed. Everything that was started on the way has been shut down again and the data directory
 * lock released, so the caller may try again once the cause (named in the message) is fixed.
 */
public class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the data directory and what failed */
    public BrokerStartException(String message) {
        super(message);
    }

    /**
     * @param message names the data directory and what failed
     * @param cause   Kafka's own failure
     */
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
