package io.scenelog.edge.registry.internal;

/** The registry did not finish an operation within its deadline; retryable. */
public final class RegistryTimeoutException extends RegistryException {

    public RegistryTimeoutException(String message) {
        super(RegistryErrorCode.OPERATION_TIMEOUT, message);
    }

    public RegistryTimeoutException(String message, Throwable cause) {
        super(RegistryErrorCode.OPERATION_TIMEOUT, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
