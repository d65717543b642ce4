package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import java.util.List;
import java.util.Optional;

/**
 * The registry's reads as pure functions of the state, throwing the typed not-found exceptions
 * that the Confluent API answers with.
 */
public final class RegistryQueries {

    private RegistryQueries() {
    }

    /** The subject's version numbers; soft-deleted ones only if {@code includeDeleted}. */
    public static List<Integer> versionNumbers(RegistryState state, String subject,
            boolean includeDeleted) {
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    /**
     * One version of a subject; {@code latest} is the highest visible one.
     *
     * @throws SubjectNotFoundException if the subject has no visible version
     * @throws VersionNotFoundException if the version does not exist or is not visible
     */
    public static SchemaVersion version(RegistryState state, String subject, VersionRef ref,
            boolean includeDeleted) {
        List<SchemaVersion> visible = state.versions(subject, includeDeleted);
        if (visible.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        if (ref.isLatest()) {
            return visible.get(visible.size() - 1);
        }
        return state.version(subject, ref.number())
                .filter(v -> includeDeleted || !v.deleted())
                .orElseThrow(() -> new VersionNotFoundException(subject, ref.toString()));
    }

    /**
     * The version of a subject that holds a schema equivalent to {@code schema}.
     *
     * @throws SubjectNotFoundException if the subject has no visible version
     * @throws SchemaNotFoundException if no visible version holds the schema
     */
    public static SchemaVersion lookup(RegistryState state, String subject,
            RegisteredSchema schema, boolean includeDeleted) {
        List<SchemaVersion> visible = state.versions(subject, includeDeleted);
        if (visible.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        for (int i = visible.size() - 1; i >= 0; i--) {
            if (visible.get(i).schema().sameSchemaAs(schema)) {
                return visible.get(i);
            }
        }
        throw SchemaNotFoundException.inSubject(subject);
    }

    /**
     * The schema registered under {@code id}.
     *
     * @throws SchemaNotFoundException if no version holds it
     */
    public static RegisteredSchema schemaById(RegistryState state, int id) {
        return state.schemaById(id).orElseThrow(() -> SchemaNotFoundException.forId(
                Integer.toString(id)));
    }

    /**
     * Every subject version that holds schema {@code id}.
     *
     * @throws SchemaNotFoundException if no version holds it
     */
    public static List<SchemaVersion> versionsWithId(RegistryState state, int id,
            boolean includeDeleted) {
        schemaById(state, id);
        return state.versionsWithId(id, includeDeleted);
    }

    /**
     * A subject's compatibility level.
     *
     * @param defaultToGlobal answer the global level when the subject has none of its own
     * @throws SubjectCompatibilityNotConfiguredException when it has none and that is not allowed
     */
    public static CompatibilityLevel subjectLevel(RegistryState state, String subject,
            boolean defaultToGlobal) {
        return state.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
                .orElseThrow(() -> new SubjectCompatibilityNotConfiguredException(subject));
    }

    /**
     * Tests a schema against a subject under the subject's level: against one named version, or
     * ({@code latest}, or null for "as registration would") against what registration checks.
     * A subject without live versions accepts any schema under {@code latest}, as Confluent does.
     */
    public static CompatibilityResult testCompatibility(RegistryState state, String subject,
            VersionRef ref, RegisteredSchema schema) {
        CompatibilityLevel level = state.effectiveLevel(subject);
        if (ref != null && !ref.isLatest()) {
            SchemaVersion against = version(state, subject, ref, false);
            return CompatibilityChecker.check(level, schema, List.of(against));
        }
        return checkAgainstLive(level, state.versions(subject, false), schema);
    }

    /**
     * The check registration makes: against the latest live version, or every live version for
     * transitive levels; nothing to check under {@code NONE} or for a subject without versions.
     */
    static CompatibilityResult checkAgainstLive(CompatibilityLevel level, List<SchemaVersion> live,
            RegisteredSchema schema) {
        if (level == CompatibilityLevel.NONE || live.isEmpty()) {
            return CompatibilityResult.ok();
        }
        List<SchemaVersion> against = level.transitive() ? live : List.of(live.get(live.size() - 1));
        return CompatibilityChecker.check(level, schema, against);
    }
}
