package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.edge.registry.internal.RegistryRecord.CompatibilityRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.IdWatermarkRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionTombstone;
import io.scenelog.edge.registry.internal.RegistryRecord.SubjectDeletedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The registry's materialised view of its log: subjects and their versions, schemas by id,
 * compatibility settings, and the highest id ever assigned. {@link #apply} is the only way it
 * changes, so the same log always yields the same state. Not thread-safe: the owner guards it.
 */
public final class RegistryState {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, RegisteredSchema> schemasById = new HashMap<>();
    private final Map<Integer, Integer> referencesById = new HashMap<>();
    private final Map<String, Integer> idsByIdentity = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    /**
     * Applies one log record.
     *
     * @throws InconsistentRecordException if the record contradicts the state; nothing changed
     */
    public void apply(RegistryRecord record) {
        if (record instanceof SchemaVersionRecord r) {
            applyVersion(r);
        } else if (record instanceof SchemaVersionTombstone t) {
            removeVersion(t.subject(), t.version());
        } else if (record instanceof SubjectDeletedRecord d) {
            softDeleteUpTo(d.subject(), d.upToVersion());
        } else if (record instanceof CompatibilityRecord c) {
            applyCompatibility(c);
        } else if (record instanceof IdWatermarkRecord w) {
            maxId = Math.max(maxId, w.maxId());
        }
    }

    private void applyVersion(SchemaVersionRecord r) {
        if (r.version() < 1 || r.id() < 1) {
            throw new InconsistentRecordException("Schema record for subject '" + r.subject()
                    + "' has version " + r.version() + " and id " + r.id() + "; both must be positive.");
        }
        RegisteredSchema parsed;
        try {
            parsed = RegisteredSchema.parse(r.schema());
        } catch (InvalidSchemaException e) {
            throw new InconsistentRecordException("Schema record for subject '" + r.subject()
                    + "' version " + r.version() + " holds an invalid schema.", e);
        }
        RegisteredSchema known = schemasById.get(r.id());
        if (known != null && !known.sameSchemaAs(parsed)) {
            throw new InconsistentRecordException("Schema record for subject '" + r.subject()
                    + "' version " + r.version() + " claims id " + r.id()
                    + ", which already names a different schema.");
        }
        NavigableMap<Integer, SchemaVersion> versions =
                subjects.computeIfAbsent(r.subject(), s -> new TreeMap<>());
        SchemaVersion existing = versions.get(r.version());
        if (existing != null && existing.id() != r.id()) {
            throw new InconsistentRecordException("Schema record for subject '" + r.subject()
                    + "' version " + r.version() + " claims id " + r.id() + ", but that version holds id "
                    + existing.id() + " and was not permanently deleted first.");
        }
        RegisteredSchema stored = known != null ? known : parsed;
        versions.put(r.version(), new SchemaVersion(r.subject(), r.version(), r.id(), stored,
                r.deleted()));
        if (existing == null) {
            referencesById.merge(r.id(), 1, Integer::sum);
        }
        if (known == null) {
            schemasById.put(r.id(), parsed);
            idsByIdentity.putIfAbsent(parsed.identity(), r.id());
        }
        maxId = Math.max(maxId, r.id());
    }

    private void removeVersion(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        SchemaVersion removed = versions == null ? null : versions.remove(version);
        if (removed == null) {
            return;
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        int remaining = referencesById.merge(removed.id(), -1, Integer::sum);
        if (remaining <= 0) {
            forgetId(removed.id());
        }
    }

    // The id stays counted in maxId: ids are never reused, only the schema behind it is gone.
    private void forgetId(int id) {
        referencesById.remove(id);
        RegisteredSchema schema = schemasById.remove(id);
        if (schema != null && idsByIdentity.remove(schema.identity(), id)) {
            schemasById.entrySet().stream()
                    .filter(e -> e.getValue().sameSchemaAs(schema))
                    .mapToInt(Map.Entry::getKey)
                    .min()
                    .ifPresent(other -> idsByIdentity.put(schema.identity(), other));
        }
    }

    private void softDeleteUpTo(String subject, int upToVersion) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        versions.headMap(upToVersion, true).replaceAll((v, sv) ->
                new SchemaVersion(sv.subject(), sv.version(), sv.id(), sv.schema(), true));
    }

    private void applyCompatibility(CompatibilityRecord c) {
        if (c.isGlobal()) {
            globalLevel = c.level();
        } else if (c.level() == null) {
            subjectLevels.remove(c.subject());
        } else {
            subjectLevels.put(c.subject(), c.level());
        }
    }

    /** Subjects with at least one version, soft-deleted ones only if {@code includeDeleted}. */
    public List<String> subjects(boolean includeDeleted) {
        List<String> result = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                result.add(subject);
            }
        });
        return result;
    }

    /** The subject's versions in ascending order, soft-deleted ones only if asked. */
    public List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** One version of a subject, soft-deleted or not. */
    public Optional<SchemaVersion> version(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /** The highest version number the subject holds, soft-deleted or not; 0 if none. */
    public int highestVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    /** The schema registered under {@code id}, while any version (even soft-deleted) holds it. */
    public Optional<RegisteredSchema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id of an equivalent schema registered anywhere, if any. */
    public OptionalInt idOf(RegisteredSchema schema) {
        Integer id = idsByIdentity.get(schema.identity());
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Every version, in any subject, that holds schema {@code id}. */
    public List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        return subjects.values().stream()
                .flatMap(versions -> versions.values().stream())
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .toList();
    }

    /** The highest schema id ever assigned (or reserved by a watermark); 0 if none. */
    public int maxId() {
        return maxId;
    }

    /** The subject's own compatibility level, if it has one. */
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The registry-wide compatibility level, the default unless configured. */
    public CompatibilityLevel globalLevel() {
        return globalLevel == null ? CompatibilityLevels.DEFAULT : globalLevel;
    }

    /** Whether the registry-wide level was configured explicitly. */
    public boolean hasGlobalLevel() {
        return globalLevel != null;
    }

    /** The level that governs {@code subject}: its own, else the global one. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElseGet(this::globalLevel);
    }
}
