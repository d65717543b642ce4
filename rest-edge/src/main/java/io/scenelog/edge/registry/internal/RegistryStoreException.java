package io.scenelog.edge.registry.internal;

/** The registry's log (Kafka) failed a read or write; retryable. */
public final class RegistryStoreException extends RegistryException {

    public RegistryStoreException(String message, Throwable cause) {
        super(RegistryErrorCode.STORE_ERROR, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
