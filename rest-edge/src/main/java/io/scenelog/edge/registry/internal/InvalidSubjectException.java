package io.scenelog.edge.registry.internal;

/** A subject name the registry does not accept. */
public final class InvalidSubjectException extends RegistryException {

    public InvalidSubjectException(String subject, String reason) {
        super(RegistryErrorCode.INVALID_SUBJECT, "Invalid subject '" + subject + "': " + reason);
    }
}
