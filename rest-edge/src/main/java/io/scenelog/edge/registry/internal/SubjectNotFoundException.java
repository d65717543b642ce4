package io.scenelog.edge.registry.internal;

/** The subject has no versions visible to the request. */
public final class SubjectNotFoundException extends RegistryException {

    public SubjectNotFoundException(String subject) {
        super(RegistryErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
}
