package io.scenelog.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.livelink.Heartbeat;
import io.scenelog.schemas.SchemaEdits;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedVersionsTest {

  private static final String HOW = "frames are permanent";

  @TempDir Path folder;

  @Test
  void shouldPinTheFirstVersionIntoItsOwnFolder() {
    // when
    List<Path> written = PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);

    // then
    assertThat(written).hasSize(LivelinkSchemas.all().size());
    assertThat(folder.resolve("v1").resolve("io.scenelog.livelink.Hello.avsc")).isRegularFile();
    assertThat(PinnedVersions.load(folder)).containsOnlyKeys("v1");
    assertThat(PinnedVersions.load(folder).get("v1")).isEqualTo(LivelinkSchemas.all());
  }

  @Test
  void shouldWriteNothingWhenTheVersionIsPinnedWithTheSameSchemas() throws IOException {
    // given
    PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);
    Path hello = folder.resolve("v1").resolve("io.scenelog.livelink.Hello.avsc");
    Files.writeString(hello, Files.readString(hello).replace("\"doc\"", "\"doc\"  "));
    String before = Files.readString(hello);

    // when
    List<Path> written = PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);

    // then
    assertThat(written).isEmpty();
    assertThat(Files.readString(hello)).isEqualTo(before);
  }

  @Test
  void shouldRefuseToRepinAVersionWithChangedSchemasAndWriteNothing() throws IOException {
    // given
    PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);
    Map<String, Schema> changed = withNoteOnHeartbeat();

    // then
    assertThatThrownBy(() -> PinnedVersions.pin(folder, changed, 1, "Livelink protocol", HOW))
        .isInstanceOf(IncompatibleReleaseException.class)
        .hasMessageContaining("io.scenelog.livelink.Heartbeat")
        .hasMessageContaining("Livelink protocol version 1")
        .hasMessageContaining(HOW);
    try (var versions = Files.list(folder)) {
      assertThat(versions).hasSize(1);
    }
  }

  @Test
  void shouldPinTheNextVersionBesideTheFirst() {
    // given
    PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);

    // when
    PinnedVersions.pin(folder, withNoteOnHeartbeat(), 2, "Livelink protocol", HOW);

    // then
    assertThat(PinnedVersions.load(folder)).containsOnlyKeys("v1", "v2");
  }

  @Test
  void shouldRefuseAVersionThatCannotReadAnEarlierOne() {
    // given: version 2 adds a field without a default, so it cannot read data of version 1
    PinnedVersions.pin(folder, LivelinkSchemas.all(), 1, "Livelink protocol", HOW);
    Map<String, Schema> broken = new HashMap<>(LivelinkSchemas.all());
    Schema heartbeat = SchemaEdits.edit(Heartbeat.getClassSchema(), SchemaEdits.addField(
        "{\"name\":\"required\",\"type\":\"long\",\"doc\":\"no default\"}"));
    broken.put(heartbeat.getFullName(), heartbeat);

    // then
    assertThatThrownBy(() -> PinnedVersions.pin(folder, broken, 2, "Livelink protocol", HOW))
        .isInstanceOf(IncompatibleReleaseException.class)
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void shouldPutTheVersionsOfTheModulesReleaseFolderIntoItsResources() {
    // when
    Path pinned = LivelinkSchemas.pinnedFolderFor(Path.of("/repo/schemas/src/released/avro"));

    // then
    assertThat(pinned).isEqualTo(Path.of("/repo/schemas/src/main/resources/io/scenelog/schemas/livelink"));
    assertThat(LivelinkSchemas.pinnedFolderFor(folder.resolve("avro"))).isEqualTo(folder.resolve("livelink"));
  }

  private static Map<String, Schema> withNoteOnHeartbeat() {
    Map<String, Schema> changed = new HashMap<>(LivelinkSchemas.all());
    Schema heartbeat = SchemaEdits.edit(Heartbeat.getClassSchema(), SchemaEdits.addField(
        "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\",\"doc\":\"A note.\"}"));
    changed.put(heartbeat.getFullName(), heartbeat);
    return changed;
  }
}
