package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.schemas.compat.CompatibilityIssue;
import io.scenelog.schemas.compat.SchemaCompatibilityGate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a candidate schema against earlier versions of a subject with the shared compatibility
 * gate of the {@code schemas} module (Avro's own schema resolution rules, in the directions a
 * {@link CompatibilityLevel} asks for), and words each incompatibility with the subject's real
 * version number and id.
 */
public final class CompatibilityChecker {

    private static final String MISSING_DEFAULT = "READER_FIELD_MISSING_DEFAULT_VALUE";

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
        if (level == CompatibilityLevel.NONE) {
            return CompatibilityResult.ok();
        }
        List<String> messages = new ArrayList<>();
        for (SchemaVersion version : earlier) {
            // One version at a time: the gate labels versions by list position, and a subject's
            // live versions need not be numbered 1..n.
            SchemaCompatibilityGate.check(candidate.schema(), version.schema().schema(), level).issues()
                    .forEach(issue -> messages.add(describe(issue, version)));
        }
        return messages.isEmpty() ? CompatibilityResult.ok() : new CompatibilityResult(false, messages);
    }

    private static String describe(CompatibilityIssue issue, SchemaVersion version) {
        String detail = MISSING_DEFAULT.equals(issue.kind())
                ? "field '" + issue.message() + "' is missing from the writer's schema and has no default in the"
                        + " reader's"
                : issue.message();
        return issue.kind() + " at " + issue.path() + " (" + issue.location() + "): " + issue.rule().explanation()
                + " version " + version.version() + " (id " + version.id() + "): " + detail;
    }
}
