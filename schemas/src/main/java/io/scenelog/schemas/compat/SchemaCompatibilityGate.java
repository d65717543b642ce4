package io.scenelog.schemas.compat;

import io.scenelog.schemas.compat.internal.AvroRules;
import io.scenelog.schemas.compat.internal.EnumAppendOnlyRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Decides whether a schema may replace earlier versions, with Avro's {@link
 * org.apache.avro.SchemaCompatibility} under the registry's {@link CompatibilityLevel}s. The build
 * uses {@link #checkRelease} against {@code src/released/avro}; the schema registry uses {@link
 * #check(Schema, List, CompatibilityLevel)} against a subject's versions.
 */
public final class SchemaCompatibilityGate {

  /** How issues of {@link #checkRelease} name the earlier version. */
  public static final String RELEASED = "the released version";

  private SchemaCompatibilityGate() {}

  /** Checks {@code newer} against one earlier version {@code older} at {@code level}. */
  public static CompatibilityResult check(Schema newer, Schema older, CompatibilityLevel level) {
    Objects.requireNonNull(older, "older");
    return check(newer, List.of(older), level);
  }

  /**
   * Checks {@code newer} against a subject's earlier versions, oldest first: all of them for a
   * transitive level, the last one otherwise. Issues name the version by its position in the list
   * ({@code "version 3"}), which is the subject's version number when the list is complete.
   */
  public static CompatibilityResult check(
      Schema newer, List<Schema> previous, CompatibilityLevel level) {
    Objects.requireNonNull(newer, "newer");
    Objects.requireNonNull(level, "level");
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return CompatibilityResult.compatible();
    }
    int first = level.transitive() ? 0 : previous.size() - 1;
    CompatibilityResult result = CompatibilityResult.compatible();
    for (int i = first; i < previous.size(); i++) {
      Schema older = previous.get(i);
      String against = "version " + (i + 1);
      if (level.newReadsOld()) {
        result =
            result.and(
                AvroRules.readerReadsWriter(
                    newer, older, newer.getFullName(), CompatibilityIssue.Rule.NEW_READS_OLD,
                    against));
      }
      if (level.oldReadsNew()) {
        result =
            result.and(
                AvroRules.readerReadsWriter(
                    older, newer, newer.getFullName(), CompatibilityIssue.Rule.OLD_READS_NEW,
                    against));
      }
    }
    return result;
  }

  /**
   * The build's gate: every released schema (by full name) must still exist in {@code current},
   * be BACKWARD compatible with its released version, and keep the positions of its enum symbols.
   * Schemas in {@code current} that were never released pass: they are new.
   *
   * @param current the schemas of this build by full name
   * @param released the last released schemas by full name
   */
  public static CompatibilityResult checkRelease(
      Map<String, Schema> current, Map<String, Schema> released) {
    CompatibilityResult result = CompatibilityResult.compatible();
    for (Map.Entry<String, Schema> entry : released.entrySet()) {
      String name = entry.getKey();
      Schema before = entry.getValue();
      Schema now = current.get(name);
      if (now == null) {
        result =
            result.and(
                new CompatibilityResult(
                    List.of(
                        new CompatibilityIssue(
                            name,
                            CompatibilityIssue.Rule.SCHEMA_KEPT,
                            "SCHEMA_REMOVED",
                            "/",
                            before.getName(),
                            "no current schema is named " + name
                                + "; released schemas may not be removed",
                            "the released set"))));
        continue;
      }
      result =
          result
              .and(
                  AvroRules.readerReadsWriter(
                      now, before, name, CompatibilityIssue.Rule.NEW_READS_OLD, RELEASED))
              .and(EnumAppendOnlyRule.check(now, before, RELEASED));
    }
    return result;
  }
}
