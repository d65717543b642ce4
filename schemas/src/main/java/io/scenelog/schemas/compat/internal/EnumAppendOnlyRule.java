package io.scenelog.schemas.compat.internal;

import io.scenelog.schemas.compat.CompatibilityIssue;
import io.scenelog.schemas.compat.CompatibilityResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Scenelog's rule on top of Avro's: an enum's released symbols keep their positions. Avro resolves
 * enums by name when it has the writer's schema, so it accepts a reordering; but Avro writes the
 * symbol's index, and readers that decode without the writer's schema (golden-byte tests, Livelink
 * payloads decoded against a pinned schema) would silently read another symbol.
 */
public final class EnumAppendOnlyRule {

  private EnumAppendOnlyRule() {}

  /**
   * Checks every enum that {@code released} and {@code current} both define (by full name): the
   * released symbols must be a prefix of the current ones.
   */
  public static CompatibilityResult check(Schema current, Schema released, String against) {
    Map<String, Place> now = enums(current);
    List<CompatibilityIssue> issues = new ArrayList<>();
    enums(released)
        .forEach(
            (name, before) -> {
              Place after = now.get(name);
              if (after == null) {
                return;
              }
              List<String> was = before.schema.getEnumSymbols();
              List<String> is = after.schema.getEnumSymbols();
              if (is.size() < was.size() || !is.subList(0, was.size()).equals(was)) {
                issues.add(
                    new CompatibilityIssue(
                        current.getFullName(),
                        CompatibilityIssue.Rule.ENUM_APPEND_ONLY,
                        "ENUM_SYMBOLS_REORDERED",
                        after.location + "/symbols",
                        after.path + ".symbols",
                        "enum " + name + " was " + was + " and is now " + is
                            + "; symbols may only be added at the end",
                        against));
              }
            });
    return new CompatibilityResult(issues);
  }

  private static Map<String, Place> enums(Schema root) {
    Map<String, Place> found = new LinkedHashMap<>();
    collect(root, "", root.getName(), found, new ArrayList<>());
    return found;
  }

  private static void collect(
      Schema schema, String location, String path, Map<String, Place> found, List<Schema> seen) {
    switch (schema.getType()) {
      case ENUM:
        found.putIfAbsent(schema.getFullName(), new Place(schema, location, path));
        break;
      case RECORD:
        // A named record is walked once: recursive types would otherwise never end.
        if (seen.stream().anyMatch(s -> s == schema)) {
          return;
        }
        seen.add(schema);
        for (Schema.Field field : schema.getFields()) {
          collect(
              field.schema(),
              location + "/fields/" + field.pos() + "/type",
              path + "." + field.name(),
              found,
              seen);
        }
        break;
      case ARRAY:
        collect(schema.getElementType(), location + "/items", path + "[]", found, seen);
        break;
      case MAP:
        collect(schema.getValueType(), location + "/values", path + "{}", found, seen);
        break;
      case UNION:
        List<Schema> branches = schema.getTypes();
        for (int i = 0; i < branches.size(); i++) {
          collect(branches.get(i), location + "/" + i, path, found, seen);
        }
        break;
      default:
        break;
    }
  }

  private static final class Place {
    private final Schema schema;
    private final String location;
    private final String path;

    private Place(Schema schema, String location, String path) {
      this.schema = schema;
      this.location = location;
      this.path = path;
    }
  }
}
