package io.scenelog.edge.registry.internal;

/** A soft delete of a version that is soft-deleted already. */
public final class VersionSoftDeletedException extends RegistryException {

    public VersionSoftDeletedException(String subject, int version) {
        super(RegistryErrorCode.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version " + version
                + " was soft deleted. Set permanent=true to delete permanently.");
    }
}
