package io.scenelog.edge.registry.internal;

/** A soft delete of a subject whose versions are all soft-deleted already. */
public final class SubjectSoftDeletedException extends RegistryException {

    public SubjectSoftDeletedException(String subject) {
        super(RegistryErrorCode.SUBJECT_SOFT_DELETED, "Subject '" + subject
                + "' was soft deleted. Set permanent=true to delete permanently.");
    }
}
