package io.scenelog.topics;

/**
 * Thrown when Kafka could not be asked about, or could not create, the catalogue's topics (broker unreachable,
 * authorisation, timeout). Retryable once the broker is reachable.
 */
public final class TopicProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
