package io.scenelog.edge.registry.internal;

/**
 * A request the registry cannot satisfy, carrying the Confluent error code it is answered with.
 * Subclasses are named for the condition; {@link #isRetryable()} says whether the same request
 * may succeed later unchanged.
 */
public abstract class RegistryException extends RuntimeException {

    private final RegistryErrorCode errorCode;

    protected RegistryException(RegistryErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    protected RegistryException(RegistryErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The code and status this condition is answered with. */
    public RegistryErrorCode errorCode() {
        return errorCode;
    }

    /** Whether retrying the same request later may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
