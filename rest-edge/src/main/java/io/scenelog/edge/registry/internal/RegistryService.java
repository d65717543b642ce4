package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import java.util.List;

/**
 * The registry's operations as the REST API offers them, over a {@link RegistryStore}. Schema
 * texts are parsed before a write is decided, so invalid input never holds the write path.
 */
public final class RegistryService {

    private final RegistryStore store;

    public RegistryService(RegistryStore store) {
        this.store = store;
    }

    /** Registers a schema under a subject and answers its global id. */
    public int register(String subject, String schemaText) {
        RegisteredSchema schema = RegisteredSchema.parse(schemaText);
        return store.write(state -> RegistryCommands.register(state, subject, schema));
    }

    /** The version of the subject that holds an equivalent schema. */
    public SchemaVersion lookup(String subject, String schemaText, boolean includeDeleted) {
        RegisteredSchema schema = RegisteredSchema.parse(schemaText);
        return store.read(state -> RegistryQueries.lookup(state, subject, schema, includeDeleted));
    }

    /** All subjects, in name order. */
    public List<String> subjects(boolean includeDeleted) {
        return store.read(state -> state.subjects(includeDeleted));
    }

    /** A subject's version numbers, ascending. */
    public List<Integer> versions(String subject, boolean includeDeleted) {
        return store.read(state -> RegistryQueries.versionNumbers(state, subject, includeDeleted));
    }

    /** One version of a subject. */
    public SchemaVersion version(String subject, VersionRef ref, boolean includeDeleted) {
        return store.read(state -> RegistryQueries.version(state, subject, ref, includeDeleted));
    }

    /** The schema registered under a global id. */
    public RegisteredSchema schemaById(int id) {
        return store.read(state -> RegistryQueries.schemaById(state, id));
    }

    /** The highest id ever assigned. */
    public int maxId() {
        return store.read(RegistryState::maxId);
    }

    /** The subject versions that hold a global id. */
    public List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        return store.read(state -> RegistryQueries.versionsWithId(state, id, includeDeleted));
    }

    /** The registry-wide compatibility level. */
    public CompatibilityLevel globalLevel() {
        return store.read(RegistryState::globalLevel);
    }

    /** A subject's own compatibility level, or the global one if asked to fall back. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return store.read(state -> RegistryQueries.subjectLevel(state, subject, defaultToGlobal));
    }

    /** Sets a subject's level, or the global level when {@code subject} is null. */
    public CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
        return store.write(state -> RegistryCommands.setLevel(state, subject, level));
    }

    /** Removes a subject's own level and answers it. */
    public CompatibilityLevel deleteSubjectLevel(String subject) {
        return store.write(state -> RegistryCommands.deleteSubjectLevel(state, subject));
    }

    /** Resets the global level to the default and answers the level it replaced. */
    public CompatibilityLevel resetGlobalLevel() {
        return store.write(RegistryCommands::resetGlobalLevel);
    }

    /** Tests a schema against a subject (a named version, or as registration would when null). */
    public CompatibilityResult testCompatibility(String subject, VersionRef ref, String schemaText) {
        RegisteredSchema schema = RegisteredSchema.parse(schemaText);
        return store.read(state -> RegistryQueries.testCompatibility(state, subject, ref, schema));
    }

    /** Deletes a subject softly or permanently and answers the deleted versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return store.write(state -> RegistryCommands.deleteSubject(state, subject, permanent));
    }

    /** Deletes one version softly or permanently and answers its number. */
    public int deleteVersion(String subject, VersionRef ref, boolean permanent) {
        return store.write(state -> RegistryCommands.deleteVersion(state, subject, ref, permanent));
    }
}
