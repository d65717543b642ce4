package io.scenelog.edge.registry.internal;

/** The subject exists but the requested version does not, or is soft-deleted. */
public final class VersionNotFoundException extends RegistryException {

    public VersionNotFoundException(String subject, String version) {
        super(RegistryErrorCode.VERSION_NOT_FOUND,
                "Version " + version + " not found in subject '" + subject + "'.");
    }
}
