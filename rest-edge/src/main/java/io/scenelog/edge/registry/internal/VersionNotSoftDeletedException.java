package io.scenelog.edge.registry.internal;

/** A permanent delete of a version that is not soft-deleted. */
public final class VersionNotSoftDeletedException extends RegistryException {

    public VersionNotSoftDeletedException(String subject, int version) {
        super(RegistryErrorCode.VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                + version + " was not deleted first before being permanently deleted.");
    }
}
