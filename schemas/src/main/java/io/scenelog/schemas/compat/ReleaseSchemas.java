package io.scenelog.schemas.compat;

import io.scenelog.schemas.ScenelogSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The release tool: records today's top-level schemas as the released versions that the build's
 * compatibility gate compares against from now on. It refuses when the current schemas break the
 * gate against the previous release.
 *
 * <p>Run from the repository root with {@code mvn -B -pl schemas compile exec:java} (the module's
 * pom passes {@code schemas/src/released/avro} as the folder), or with the folder as the only
 * argument. Commit the changed files with the release.
 */
public final class ReleaseSchemas {

  private ReleaseSchemas() {}

  /**
   * Releases the current schemas into the folder given as {@code args[0]}.
   *
   * @throws IllegalArgumentException when the folder is not given
   * @throws IncompatibleReleaseException when the gate fails
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "Usage: ReleaseSchemas <released-schemas folder>, e.g. schemas/src/released/avro");
    }
    Path folder = Path.of(args[0]);
    List<Path> written = release(folder, ScenelogSchemas.topLevelSchemas());
    // A command-line tool: its report goes to standard output, not to a logger.
    System.out.println("Released " + written.size() + " schemas to " + folder);
    written.forEach(file -> System.out.println("  " + file.getFileName()));
  }

  /**
   * Checks {@code current} against the schemas released in {@code folder} and, when the gate
   * passes, writes them there.
   *
   * @return the files written
   * @throws IncompatibleReleaseException when the gate fails; nothing is written then
   */
  public static List<Path> release(Path folder, Map<String, Schema> current) {
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(current, ReleasedSchemas.load(folder));
    if (!result.isCompatible()) {
      throw new IncompatibleReleaseException(result);
    }
    return ReleasedSchemas.write(folder, current);
  }
}
