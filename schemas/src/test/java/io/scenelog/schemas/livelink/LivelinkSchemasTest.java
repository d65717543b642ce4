package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.schemas.SchemaEdits;
import io.scenelog.schemas.compat.CompatibilityIssue;
import io.scenelog.schemas.compat.CompatibilityResult;
import io.scenelog.schemas.compat.PinnedVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class LivelinkSchemasTest {

  /** Set by the module's pom; the default serves IDEs that run tests from the module folder. */
  private static final Path SOURCES =
      Path.of(System.getProperty("scenelog.schemas.sources", "src/main/avro")).resolve("livelink");

  /** Where the release tool pins protocol versions (the classpath copy is what the codec ships). */
  private static final Path PINNED = LivelinkSchemas.pinnedFolderFor(
      Path.of(System.getProperty("scenelog.schemas.released", "src/released/avro")));

  @Test
  void shouldListOneSchemaPerChannel() {
    assertThat(LivelinkSchemas.all().values())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Channel.values()).map(Channel::payloadSchema).toList());
  }

  @Test
  void shouldCarryEveryLivelinkSchemaFileOnAChannel() throws IOException {
    // given
    Set<String> inFiles = new TreeSet<>();
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
        JsonNode tree = mapper.readTree(file.toFile());
        inFiles.add(tree.get("namespace").asText() + "." + tree.get("name").asText());
      }
    }

    // then
    assertThat(LivelinkSchemas.all().keySet()).containsAll(inFiles);
    assertThat(inFiles).allMatch(name -> name.startsWith("io.scenelog.livelink."));
  }

  @Test
  void shouldDocumentEveryRecordFieldAndEnum() {
    // given
    List<String> undocumented = new ArrayList<>();

    // when
    visitAll(schema -> {
      if (isBlank(schema.getDoc())) {
        undocumented.add(schema.getFullName());
      }
      if (schema.getType() == Schema.Type.RECORD) {
        schema.getFields().stream().filter(field -> isBlank(field.doc()))
            .forEach(field -> undocumented.add(schema.getName() + "." + field.name()));
      }
    });

    // then
    assertThat(undocumented).as("schemas and fields without doc").isEmpty();
  }

  @Test
  void shouldNameEveryFieldInCamelCase() {
    // given
    List<String> badNames = new ArrayList<>();

    // when
    visitAll(schema -> {
      if (schema.getType() == Schema.Type.RECORD) {
        schema.getFields().stream().filter(field -> !field.name().matches("[a-z][a-zA-Z0-9]*"))
            .forEach(field -> badNames.add(schema.getName() + "." + field.name()));
      }
    });

    // then
    assertThat(badNames).isEmpty();
  }

  @Test
  void shouldStartEveryLivelinkEnumWithUnknownAsItsDefault() {
    // given: a peer of an older version reads a newer symbol as the default
    List<String> bad = new ArrayList<>();

    // when
    visitAll(schema -> {
      if (schema.getType() == Schema.Type.ENUM && schema.getNamespace().equals("io.scenelog.livelink")
          && (!schema.getEnumSymbols().get(0).equals("UNKNOWN")
              || !"UNKNOWN".equals(schema.getEnumDefault()))) {
        bad.add(schema.getFullName());
      }
    });

    // then
    assertThat(bad).isEmpty();
  }

  @Test
  void shouldEncodeEveryArrayAndMapItemInAtLeastOneByte() {
    // given: the decoder bounds item counts by the bytes left, which needs items of one byte or more
    List<String> bad = new ArrayList<>();

    // when
    visitAll(schema -> {
      if (schema.getType() == Schema.Type.RECORD) {
        for (Schema.Field field : schema.getFields()) {
          collections(field.schema()).stream()
              .filter(items -> minimumBytes(items, new IdentityHashMap<>()) < 1)
              .forEach(items -> bad.add(schema.getName() + "." + field.name()));
        }
      }
    });

    // then
    assertThat(bad).isEmpty();
  }

  @Test
  void shouldKeepProtocolVersionTheFirstFieldOfTheHelloAndTheWelcome() {
    for (Channel channel : List.of(Channel.HELLO, Channel.WELCOME)) {
      Schema.Field first = channel.payloadSchema().getFields().get(0);
      assertThat(first.name()).as(channel.channelName()).isEqualTo("protocolVersion");
      assertThat(first.schema().getType()).as(channel.channelName()).isEqualTo(Schema.Type.INT);
    }
  }

  @Test
  void shouldShipThePinnedSchemasOfTheCurrentProtocolVersion() {
    // when
    Map<String, Schema> pinned = LivelinkSchemas.pinned(LivelinkSchemas.PROTOCOL_VERSION);

    // then
    assertThat(pinned.keySet()).isEqualTo(LivelinkSchemas.all().keySet());
    assertThat(PinnedVersions.load(PINNED)).containsKey(PinnedVersions.folderName(1));
  }

  @Test
  void shouldPassTheGateAgainstEveryPinnedProtocolVersion() {
    // when
    CompatibilityResult result = PinnedVersions.check(PinnedVersions.load(PINNED),
        LivelinkSchemas.all(), LivelinkSchemas.PROTOCOL_VERSION, LivelinkSchemas.CONTRACT,
        LivelinkSchemas.HOW_TO_CHANGE);

    // then
    assertThat(result.isCompatible())
        .as("The Livelink schemas of this build break a released protocol version (%s):%n%s", PINNED,
            result.describe())
        .isTrue();
  }

  @Test
  void shouldFailTheGateWhenAPinnedSchemaChangesEvenCompatibly() {
    // given: a heartbeat with a new field, compatible but not the pinned version 1
    Map<String, Schema> changed = new HashMap<>(LivelinkSchemas.all());
    Schema heartbeat = SchemaEdits.edit(Channel.HEARTBEAT.payloadSchema(),
        SchemaEdits.addField("{\"name\":\"note\",\"type\":\"string\",\"default\":\"\",\"doc\":\"x\"}"));
    changed.put(heartbeat.getFullName(), heartbeat);

    // when
    CompatibilityResult result = PinnedVersions.check(PinnedVersions.load(PINNED), changed, 1,
        LivelinkSchemas.CONTRACT, LivelinkSchemas.HOW_TO_CHANGE);

    // then
    assertThat(result.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.rule()).isEqualTo(CompatibilityIssue.Rule.FROZEN);
      assertThat(issue.schemaName()).isEqualTo("io.scenelog.livelink.Heartbeat");
    });
    assertThat(result.describe())
        .contains("frames are permanent: add a field with a default or a new channel instead")
        .contains("Livelink protocol version 1");
  }

  @Test
  void shouldAcceptThatChangeInTheNextProtocolVersion() {
    // given
    Map<String, Schema> changed = new HashMap<>(LivelinkSchemas.all());
    Schema heartbeat = SchemaEdits.edit(Channel.HEARTBEAT.payloadSchema(),
        SchemaEdits.addField("{\"name\":\"note\",\"type\":\"string\",\"default\":\"\",\"doc\":\"x\"}"));
    changed.put(heartbeat.getFullName(), heartbeat);

    // when
    CompatibilityResult result = PinnedVersions.check(PinnedVersions.load(PINNED), changed, 2,
        LivelinkSchemas.CONTRACT, LivelinkSchemas.HOW_TO_CHANGE);

    // then
    assertThat(result.isCompatible()).as(result.describe()).isTrue();
  }

  private static void visitAll(Consumer<Schema> visitor) {
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    LivelinkSchemas.all().values().forEach(schema -> visit(schema, seen, visitor));
  }

  private static void visit(Schema schema, Map<Schema, Boolean> seen, Consumer<Schema> visitor) {
    switch (schema.getType()) {
      case RECORD:
        if (seen.put(schema, true) == null) {
          visitor.accept(schema);
          schema.getFields().forEach(field -> visit(field.schema(), seen, visitor));
        }
        break;
      case ENUM:
        if (seen.put(schema, true) == null) {
          visitor.accept(schema);
        }
        break;
      case ARRAY:
        visit(schema.getElementType(), seen, visitor);
        break;
      case MAP:
        visit(schema.getValueType(), seen, visitor);
        break;
      case UNION:
        schema.getTypes().forEach(branch -> visit(branch, seen, visitor));
        break;
      default:
        break;
    }
  }

  /** The item schemas of the arrays and maps directly in {@code schema} (through unions). */
  private static List<Schema> collections(Schema schema) {
    List<Schema> items = new ArrayList<>();
    switch (schema.getType()) {
      case ARRAY:
        items.add(schema.getElementType());
        break;
      case MAP:
        items.add(schema.getValueType());
        break;
      case UNION:
        schema.getTypes().forEach(branch -> items.addAll(collections(branch)));
        break;
      default:
        break;
    }
    return items;
  }

  /** The fewest bytes Avro's binary encoding of a value of {@code schema} can take. */
  private static int minimumBytes(Schema schema, Map<Schema, Boolean> inProgress) {
    switch (schema.getType()) {
      case NULL:
        return 0;
      case FLOAT:
        return 4;
      case DOUBLE:
        return 8;
      case FIXED:
        return schema.getFixedSize();
      case RECORD:
        if (inProgress.put(schema, true) != null) {
          return 0;
        }
        int sum = schema.getFields().stream().mapToInt(f -> minimumBytes(f.schema(), inProgress)).sum();
        inProgress.remove(schema);
        return sum;
      default:
        // boolean, int, long, string, bytes, enum, union (its index), array and map (a count)
        return 1;
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
