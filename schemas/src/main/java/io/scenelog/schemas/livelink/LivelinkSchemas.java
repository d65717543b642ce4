package io.scenelog.schemas.livelink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The catalogue of Livelink's payload schemas, one per {@link Channel}, and their pinned copies per
 * protocol version.
 *
 * <p>They are not Kafka topic values, so they are not in {@code ScenelogSchemas.topLevelSchemas()};
 * three of them are the same records as topics' values ({@code SceneAction}, {@code SceneEvent},
 * {@code ActionResult}). A released protocol version pins the schema of every channel for good: its
 * self-contained copies live in {@code io/scenelog/schemas/livelink/v<N>/<full name>.avsc} on the
 * classpath (source: {@code schemas/src/main/resources}), written by the release tool ({@code
 * ReleaseSchemas}) and checked by the build ({@code PinnedVersions.check}): this build's schemas
 * must read every pinned version (BACKWARD, enum symbols append-only), and those of the current
 * version must be its pinned copies exactly.
 */
public final class LivelinkSchemas {

  /** The Livelink protocol version of this build's schemas and codec. */
  public static final int PROTOCOL_VERSION = 1;

  /** The oldest Livelink protocol version this build speaks. */
  public static final int MIN_PROTOCOL_VERSION = 1;

  /** The contract's name in the release gate's messages. */
  public static final String CONTRACT = "Livelink protocol";

  /** What the release gate tells someone who changed a pinned schema. */
  public static final String HOW_TO_CHANGE = "frames are permanent: add a field with a default or a"
      + " new channel instead, in a new protocol version (raise LivelinkSchemas.PROTOCOL_VERSION; see"
      + " schemas/README.md, Livelink protocol, Versioning)";

  /** The classpath folder of the pinned copies, followed by {@code v<N>/}. */
  public static final String PINNED_RESOURCE_FOLDER = "io/scenelog/schemas/livelink/";

  private static final Map<String, Schema> ALL = index();

  private LivelinkSchemas() {}

  /** The payload schema of every channel in this build, by full name, sorted by name. */
  public static Map<String, Schema> all() {
    return ALL;
  }

  /**
   * The pinned payload schemas of protocol {@code version} from the classpath, by full name; empty
   * when that version was never released.
   */
  public static Map<String, Schema> pinned(int version) {
    Map<String, Schema> pinned = new TreeMap<>();
    ClassLoader loader = LivelinkSchemas.class.getClassLoader();
    for (String fullName : ALL.keySet()) {
      String resource = PINNED_RESOURCE_FOLDER + "v" + version + "/" + fullName + ".avsc";
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in != null) {
          pinned.put(fullName,
              new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the pinned Livelink schema " + resource, e);
      }
    }
    return Collections.unmodifiableMap(pinned);
  }

  /**
   * The source folder of the pinned versions that belongs with a released-schemas folder: {@code
   * src/main/resources/io/scenelog/schemas/livelink} of the same module for the module's {@code
   * src/released/avro}, otherwise a sibling folder named {@code livelink}.
   */
  public static Path pinnedFolderFor(Path releasedAvroFolder) {
    Path absolute = releasedAvroFolder.toAbsolutePath().normalize();
    if (absolute.endsWith(Path.of("src", "released", "avro"))) {
      return absolute.getParent().getParent().resolve(Path.of("main", "resources"))
          .resolve(PINNED_RESOURCE_FOLDER);
    }
    return absolute.resolveSibling("livelink");
  }

  private static Map<String, Schema> index() {
    Map<String, Schema> byName = new TreeMap<>();
    for (Channel channel : Channel.values()) {
      Schema schema = channel.payloadSchema();
      byName.put(schema.getFullName(), schema);
    }
    return Collections.unmodifiableMap(byName);
  }
}
