package io.scenelog.edge.registry.internal;

/** The subject has no compatibility level of its own. */
public final class SubjectCompatibilityNotConfiguredException extends RegistryException {

    public SubjectCompatibilityNotConfiguredException(String subject) {
        super(RegistryErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, "Subject '" + subject
                + "' does not have subject-level compatibility configured.");
    }
}
