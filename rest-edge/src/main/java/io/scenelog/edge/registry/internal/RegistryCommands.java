package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.edge.registry.internal.RegistryRecord.CompatibilityRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.IdWatermarkRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionTombstone;
import io.scenelog.edge.registry.internal.RegistryRecord.SubjectDeletedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's writes as pure decisions: given the current state and a request, the records
 * to append and the answer, or a typed exception when the request must be refused. Nothing here
 * touches Kafka; the store applies the records and only then answers.
 */
public final class RegistryCommands {

    private RegistryCommands() {
    }

    /**
     * Registers a schema under a subject. A schema equivalent to a live version of the subject
     * answers that version's id and writes nothing; a schema known under another subject (or a
     * soft-deleted version) reuses its global id and text; otherwise it gets the next id.
     *
     * @return the decision answering the schema's global id
     * @throws IncompatibleSchemaException if the subject's compatibility level forbids the schema
     */
    public static Decision<Integer> register(RegistryState state, String subject,
            RegisteredSchema schema) {
        Subjects.requireValid(subject);
        List<SchemaVersion> live = state.versions(subject, false);
        for (int i = live.size() - 1; i >= 0; i--) {
            if (live.get(i).schema().sameSchemaAs(schema)) {
                return Decision.answer(live.get(i).id());
            }
        }
        CompatibilityLevel level = state.effectiveLevel(subject);
        CompatibilityResult compatibility = RegistryQueries.checkAgainstLive(level, live, schema);
        if (!compatibility.compatible()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an"
                    + " earlier schema for subject '" + subject + "' (compatibility level " + level
                    + "): " + String.join("; ", compatibility.messages()));
        }
        int id = state.idOf(schema).orElse(state.maxId() + 1);
        String text = state.schemaById(id).map(RegisteredSchema::text).orElse(schema.text());
        int version = state.highestVersion(subject) + 1;
        return Decision.write(id, new SchemaVersionRecord(subject, version, id, text, false));
    }

    /**
     * Deletes a subject: softly (its live versions become hidden, its compatibility setting goes),
     * or permanently (only after a soft delete: every version is tombstoned).
     *
     * @return the decision answering the deleted version numbers
     */
    public static Decision<List<Integer>> deleteSubject(RegistryState state, String subject,
            boolean permanent) {
        List<SchemaVersion> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        List<RegistryRecord> records = new ArrayList<>();
        List<Integer> deleted;
        if (permanent) {
            if (!live.isEmpty()) {
                throw new SubjectNotSoftDeletedException(subject);
            }
            all.forEach(v -> records.add(new SchemaVersionTombstone(subject, v.version())));
            records.add(new IdWatermarkRecord(state.maxId()));
            deleted = numbers(all);
        } else {
            if (live.isEmpty()) {
                throw new SubjectSoftDeletedException(subject);
            }
            records.add(new SubjectDeletedRecord(subject, state.highestVersion(subject)));
            deleted = numbers(live);
        }
        if (state.subjectLevel(subject).isPresent()) {
            records.add(new CompatibilityRecord(subject, null));
        }
        return new Decision<>(records, deleted);
    }

    /**
     * Deletes one version: softly, or permanently once soft-deleted. {@code latest} names the
     * highest version including soft-deleted ones, as in Confluent's registry.
     *
     * @return the decision answering the deleted version number
     */
    public static Decision<Integer> deleteVersion(RegistryState state, String subject,
            VersionRef ref, boolean permanent) {
        SchemaVersion version = RegistryQueries.version(state, subject, ref, true);
        if (permanent) {
            if (!version.deleted()) {
                throw new VersionNotSoftDeletedException(subject, version.version());
            }
            return Decision.write(version.version(),
                    new SchemaVersionTombstone(subject, version.version()),
                    new IdWatermarkRecord(state.maxId()));
        }
        if (version.deleted()) {
            throw new VersionSoftDeletedException(subject, version.version());
        }
        return Decision.write(version.version(), new SchemaVersionRecord(subject, version.version(),
                version.id(), version.schema().text(), true));
    }

    /**
     * Sets the compatibility level of a subject, or the global one when {@code subject} is null.
     *
     * @return the decision answering the level set
     */
    public static Decision<CompatibilityLevel> setLevel(RegistryState state, String subject,
            CompatibilityLevel level) {
        if (subject != null) {
            Subjects.requireValid(subject);
        }
        return Decision.write(level, new CompatibilityRecord(subject, level));
    }

    /**
     * Removes a subject's own compatibility level so the global one governs it again.
     *
     * @return the decision answering the level removed
     * @throws SubjectNotFoundException if the subject has no level of its own (as Confluent)
     */
    public static Decision<CompatibilityLevel> deleteSubjectLevel(RegistryState state,
            String subject) {
        CompatibilityLevel current = state.subjectLevel(subject)
                .orElseThrow(() -> new SubjectNotFoundException(subject));
        return Decision.write(current, new CompatibilityRecord(subject, null));
    }

    /**
     * Resets the global compatibility level to the default.
     *
     * @return the decision answering the level in force before the reset
     */
    public static Decision<CompatibilityLevel> resetGlobalLevel(RegistryState state) {
        return Decision.write(state.globalLevel(), new CompatibilityRecord(null, null));
    }

    private static List<Integer> numbers(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::version).toList();
    }
}
