package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import java.util.Objects;

/**
 * One entry of the registry's log (the {@code _schemas} topic), decoded. The registry's whole
 * state is the result of applying these in log order; every write is a list of them.
 */
public sealed interface RegistryRecord {

    /**
     * Version {@code version} of {@code subject} is schema {@code id}; {@code deleted} marks a
     * soft delete (the version stays in the log but is hidden from normal reads).
     */
    record SchemaVersionRecord(String subject, int version, int id, String schema, boolean deleted)
            implements RegistryRecord {
        public SchemaVersionRecord {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }

        /** The same version, soft-deleted. */
        public SchemaVersionRecord asDeleted() {
            return new SchemaVersionRecord(subject, version, id, schema, true);
        }
    }

    /** Version {@code version} of {@code subject} is permanently gone (a tombstone). */
    record SchemaVersionTombstone(String subject, int version) implements RegistryRecord {
        public SchemaVersionTombstone {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * The compatibility level of {@code subject}, or the global level when {@code subject} is
     * null; a null {@code level} removes the setting (a tombstone).
     */
    record CompatibilityRecord(String subject, CompatibilityLevel level) implements RegistryRecord {
        /** Whether this is the registry-wide setting rather than a subject's. */
        public boolean isGlobal() {
            return subject == null;
        }
    }

    /** Every version of {@code subject} up to {@code upToVersion} is soft-deleted. */
    record SubjectDeletedRecord(String subject, int upToVersion) implements RegistryRecord {
        public SubjectDeletedRecord {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * No schema id up to {@code maxId} may be assigned again. Written with every permanent
     * delete: once compaction drops a tombstoned version, this record still remembers its id.
     */
    record IdWatermarkRecord(int maxId) implements RegistryRecord {
    }
}
