package io.scenelog.schemas.compat.internal;

import io.scenelog.schemas.compat.CompatibilityIssue;
import io.scenelog.schemas.compat.CompatibilityResult;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Runs Avro's reader/writer check in one direction and reports its findings as issues. */
public final class AvroRules {

  private AvroRules() {}

  /**
   * Checks that {@code reader} can read data written with {@code writer} under Avro's schema
   * resolution rules.
   *
   * @param schemaName the name the issues carry (the newer schema's)
   * @param rule which direction this is
   * @param against the label of the earlier version
   */
  public static CompatibilityResult readerReadsWriter(
      Schema reader, Schema writer, String schemaName, CompatibilityIssue.Rule rule,
      String against) {
    List<Incompatibility> found =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities();
    if (found.isEmpty()) {
      return CompatibilityResult.compatible();
    }
    return new CompatibilityResult(
        found.stream()
            .map(
                incompatibility ->
                    new CompatibilityIssue(
                        schemaName,
                        rule,
                        incompatibility.getType().name(),
                        incompatibility.getLocation(),
                        SchemaPaths.describe(reader, incompatibility.getLocation()),
                        incompatibility.getMessage(),
                        against))
            .collect(Collectors.toList()));
  }
}
