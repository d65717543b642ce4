package io.scenelog.schemas.compat;

import java.util.Objects;

/**
 * One reason why a schema may not replace another.
 *
 * @param schemaName full name of the schema checked, e.g. {@code io.scenelog.model.SceneAction}
 * @param rule which rule failed
 * @param kind the kind of incompatibility: one of Avro's {@code SchemaIncompatibilityType} names
 *     ({@code READER_FIELD_MISSING_DEFAULT_VALUE}, {@code TYPE_MISMATCH}, ...) or {@code
 *     SCHEMA_REMOVED}, {@code ENUM_SYMBOLS_REORDERED}, {@code PROTOCOL_VERSION_CHANGED}
 * @param location the JSON pointer into the reading schema, as Avro reports it ({@code
 *     /fields/3/type}), or {@code /} for the whole schema
 * @param path the same place in names ({@code SceneAction.operations[].expectedVersion})
 * @param message Avro's detail: the field name, the missing symbols, the mismatching types
 * @param against which earlier version was involved ({@code "the released version"}, {@code "version 3"})
 */
public record CompatibilityIssue(
    String schemaName, Rule rule, String kind, String location, String path, String message,
    String against) {

  /** The rule an issue breaks. */
  public enum Rule {
    /** The new schema must read data written with the old one (BACKWARD). */
    NEW_READS_OLD("the new schema cannot read data written with"),
    /** The old schema must read data written with the new one (FORWARD). */
    OLD_READS_NEW("data written with the new schema cannot be read by"),
    /** A released schema must stay in the current set. */
    SCHEMA_KEPT("the schema was removed but exists in"),
    /** Enum symbols keep their position, their permanent wire id: only appending is allowed. */
    ENUM_APPEND_ONLY("enum symbols must keep the positions they have in"),
    /** A released Livelink protocol version pins its schemas for good: its frames are permanent. */
    FROZEN("the schema must stay as it is in");

    private final String explanation;

    Rule(String explanation) {
      this.explanation = explanation;
    }

    /** A sentence fragment that ends with the earlier version's label. */
    public String explanation() {
      return explanation;
    }
  }

  /** Checks that every part is present. */
  public CompatibilityIssue {
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(against, "against");
  }

  /** One line for people: the schema, the rule, where and what. */
  public String describe() {
    return schemaName + ": " + rule.explanation() + " " + against + ": " + kind + " at " + path
        + " (" + location + "): " + message;
  }
}
