package io.scenelog.bridge;

/** The bridge could not start: Kafka, the registry or the topics are not usable, or the port is taken. */
public final class BridgeStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the cluster, registry or port
     * @param cause   the underlying failure
     */
    public BridgeStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
