package io.scenelog.schemas.compat;

import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The release tool: records today's top-level schemas as the released versions that the build's
 * compatibility gate compares against from now on, and pins the Livelink payload schemas as their
 * protocol version ({@link PinnedVersions#pin}) when that version is not pinned yet. It refuses,
 * writing nothing, when the current schemas break either gate.
 *
 * <p>Run from the repository root with {@code mvn -B -pl schemas compile exec:java} (the module's
 * pom passes {@code schemas/src/released/avro} as the folder; the Livelink versions go to {@link
 * LivelinkSchemas#pinnedFolderFor} of it), or with the two folders as arguments. Commit the changed
 * files with the release.
 */
public final class ReleaseSchemas {

  private ReleaseSchemas() {}

  /**
   * Releases the current schemas into the folder given as {@code args[0]}, and pins the Livelink
   * protocol version into {@code args[1]} (default: {@link LivelinkSchemas#pinnedFolderFor} of the
   * first).
   *
   * @throws IllegalArgumentException when the folder is not given
   * @throws IncompatibleReleaseException when the gate fails
   */
  public static void main(String[] args) {
    if (args.length != 1 && args.length != 2) {
      throw new IllegalArgumentException("Usage: ReleaseSchemas <released-schemas folder>"
          + " [<Livelink versions folder>], e.g. schemas/src/released/avro");
    }
    Path folder = Path.of(args[0]);
    Path livelink = args.length == 2 ? Path.of(args[1]) : LivelinkSchemas.pinnedFolderFor(folder);
    // Both gates pass before either folder is written.
    CompatibilityResult livelinkResult = PinnedVersions.check(PinnedVersions.load(livelink),
        LivelinkSchemas.all(), LivelinkSchemas.PROTOCOL_VERSION, LivelinkSchemas.CONTRACT,
        LivelinkSchemas.HOW_TO_CHANGE);
    if (!livelinkResult.isCompatible()) {
      throw new IncompatibleReleaseException(livelinkResult);
    }
    List<Path> written = release(folder, ScenelogSchemas.topLevelSchemas());
    List<Path> pinned = PinnedVersions.pin(livelink, LivelinkSchemas.all(),
        LivelinkSchemas.PROTOCOL_VERSION, LivelinkSchemas.CONTRACT, LivelinkSchemas.HOW_TO_CHANGE);
    // A command-line tool: its report goes to standard output, not to a logger.
    System.out.println("Released " + written.size() + " schemas to " + folder);
    written.forEach(file -> System.out.println("  " + file.getFileName()));
    System.out.println(pinned.isEmpty()
        ? "Livelink protocol version " + LivelinkSchemas.PROTOCOL_VERSION + " was pinned before"
        : "Pinned Livelink protocol version " + LivelinkSchemas.PROTOCOL_VERSION + " to " + livelink);
    pinned.forEach(file -> System.out.println("  " + file.getFileName()));
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
