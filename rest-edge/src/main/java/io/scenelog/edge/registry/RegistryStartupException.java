package io.scenelog.edge.registry;

/** The registry could not start: its topic could not be provisioned, or its log not read in time. */
public final class RegistryStartupException extends RuntimeException {

    public RegistryStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
