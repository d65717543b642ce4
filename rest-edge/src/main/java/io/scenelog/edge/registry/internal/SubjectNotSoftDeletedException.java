package io.scenelog.edge.registry.internal;

/** A permanent delete of a subject that still has live versions. */
public final class SubjectNotSoftDeletedException extends RegistryException {

    public SubjectNotSoftDeletedException(String subject) {
        super(RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                + "' was not deleted first before being permanently deleted.");
    }
}
