package io.scenelog.edge.registry.internal;

/** A version reference that is neither a positive integer nor {@code latest} or {@code -1}. */
public final class InvalidVersionException extends RegistryException {

    public InvalidVersionException(String version) {
        super(RegistryErrorCode.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
                + " \"latest\".");
    }
}
