package io.scenelog.edge.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks a candidate schema against earlier versions of a subject with Avro's own schema
 * resolution rules ({@link SchemaCompatibility}), in the directions a {@link CompatibilityLevel}
 * asks for.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * Checks {@code candidate} against the given earlier versions, which the caller has already
     * narrowed to what the level requires (the latest only, or all for transitive levels).
     *
     * @param level the level to enforce
     * @param candidate the schema that wants to join the subject
     * @param earlier the versions to check against, any order
     */
    public static CompatibilityResult check(CompatibilityLevel level, RegisteredSchema candidate,
            List<SchemaVersion> earlier) {
        List<String> messages = new ArrayList<>();
        for (SchemaVersion version : earlier) {
            Schema existing = version.schema().schema();
            if (level.newReadsOld()) {
                collect(candidate.schema(), existing, "the new schema cannot read data written with",
                        version, messages);
            }
            if (level.oldReadsNew()) {
                collect(existing, candidate.schema(), "data written with the new schema cannot be read by",
                        version, messages);
            }
        }
        return messages.isEmpty() ? CompatibilityResult.ok() : new CompatibilityResult(false, messages);
    }

    private static void collect(Schema reader, Schema writer, String direction,
            SchemaVersion version, List<String> messages) {
        SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            messages.add(describe(incompatibility, direction, version));
        }
    }

    private static String describe(Incompatibility incompatibility, String direction,
            SchemaVersion version) {
        boolean missingDefault = incompatibility.getType()
                == SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE;
        String detail = missingDefault
                ? "field '" + incompatibility.getMessage() + "' is missing from the writer's schema and"
                        + " has no default in the reader's"
                : incompatibility.getMessage();
        return incompatibility.getType() + " at '" + incompatibility.getLocation() + "': "
                + direction + " version " + version.version() + " (id " + version.id() + "): " + detail;
    }
}
