package io.scenelog.edge.registry.internal;

/** A compatibility level that is not one of the known levels. */
public final class InvalidCompatibilityLevelException extends RegistryException {

    public InvalidCompatibilityLevelException(String level) {
        super(RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE,"
                + " FULL and FULL_TRANSITIVE.");
    }
}
