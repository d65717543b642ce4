package io.scenelog.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Releases of a contract whose versions are numbered and pinned for good, such as the Livelink
 * protocol: one folder {@code v<N>} per released version, each holding one self-contained {@code
 * <full name>.avsc} per schema as {@link ReleasedSchemas} writes them. Unlike the Kafka records'
 * single "last release", a pinned version never changes: data written with it must stay readable
 * exactly as it was (Livelink frames carry no schema id, the agreed version names the schemas).
 */
public final class PinnedVersions {

  private PinnedVersions() {}

  /** The folder name of version {@code version}, e.g. {@code v1}. */
  public static String folderName(int version) {
    return "v" + version;
  }

  /** The pinned versions in {@code folder}, by folder name ({@code v1}, ...); none if absent. */
  public static Map<String, Map<String, Schema>> load(Path folder) {
    Map<String, Map<String, Schema>> versions = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return versions;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path version : entries.filter(Files::isDirectory).toList()) {
        String name = version.getFileName().toString();
        if (name.matches("v[1-9][0-9]*")) {
          versions.put(name, ReleasedSchemas.load(version));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list pinned versions in " + folder, e);
    }
    return versions;
  }

  /**
   * The gate: {@code current} must read data of every pinned version with enum symbols in place
   * and no schema removed ({@link SchemaCompatibilityGate#checkRelease}), and when {@code
   * currentVersion} is pinned, {@code current} must be its schemas by Avro's parsing canonical form
   * (which decides the bytes), because what was written with it is permanent.
   *
   * @param pinned the pinned versions by folder name, as {@link #load} reads them
   * @param current this build's schemas by full name
   * @param currentVersion this build's version of the contract
   * @param contract the contract's name for messages, e.g. {@code "Livelink protocol"}
   * @param howToChange what to do instead of changing a pinned schema, for the message
   */
  public static CompatibilityResult check(
      Map<String, Map<String, Schema>> pinned, Map<String, Schema> current, int currentVersion,
      String contract, String howToChange) {
    CompatibilityResult result = CompatibilityResult.compatible();
    for (Map<String, Schema> version : pinned.values()) {
      result = result.and(SchemaCompatibilityGate.checkRelease(current, version));
    }
    List<CompatibilityIssue> changed = new ArrayList<>();
    for (Map.Entry<String, Schema> entry
        : pinned.getOrDefault(folderName(currentVersion), Map.of()).entrySet()) {
      Schema now = current.get(entry.getKey());
      if (now != null && !canonical(now).equals(canonical(entry.getValue()))) {
        changed.add(new CompatibilityIssue(entry.getKey(), CompatibilityIssue.Rule.FROZEN,
            "PROTOCOL_VERSION_CHANGED", "/", entry.getValue().getName(), howToChange,
            contract + " version " + currentVersion));
      }
    }
    return result.and(new CompatibilityResult(changed));
  }

  /**
   * Checks {@code current} against the versions pinned in {@code folder} and pins it as {@code
   * version} unless that version is pinned already.
   *
   * @return the files written; none when {@code version} was pinned before (with these schemas)
   * @throws IncompatibleReleaseException when the check fails; nothing is written then
   */
  public static List<Path> pin(
      Path folder, Map<String, Schema> current, int version, String contract, String howToChange) {
    Map<String, Map<String, Schema>> pinned = load(folder);
    CompatibilityResult result = check(pinned, current, version, contract, howToChange);
    if (!result.isCompatible()) {
      throw new IncompatibleReleaseException(result);
    }
    if (pinned.containsKey(folderName(version))) {
      return List.of();
    }
    return ReleasedSchemas.write(folder.resolve(folderName(version)), current);
  }

  private static String canonical(Schema schema) {
    return SchemaNormalization.toParsingForm(schema);
  }
}
