package io.scenelog.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.ActionResult;
import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.SchemaEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseGateTest {

  /** Set by the module's pom; the default serves IDEs that run tests from the module folder. */
  private static final Path RELEASED =
      Path.of(System.getProperty("scenelog.schemas.released", "src/released/avro"));

  @TempDir Path folder;

  @Test
  void shouldKeepEveryReleasedSchemaBackwardCompatible() {
    // given
    Map<String, Schema> released = ReleasedSchemas.load(RELEASED);

    // when
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(ScenelogSchemas.topLevelSchemas(), released);

    // then
    assertThat(released).as("released schemas in %s", RELEASED).isNotEmpty();
    assertThat(result.isCompatible())
        .as("The schemas of this build break compatibility with the last release (%s). Make"
            + " the change compatible (see schemas/README.md):%n%s", RELEASED, result.describe())
        .isTrue();
  }

  @Test
  void shouldFailWhenAFieldWithoutDefaultWasAddedSinceTheRelease() {
    // given: the released ActionResult had no decidedAt; the current one requires it
    Schema releasedActionResult =
        SchemaEdits.edit(ActionResult.getClassSchema(), SchemaEdits.removeField("decidedAt"));

    // when
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(
            ScenelogSchemas.topLevelSchemas(),
            Map.of(releasedActionResult.getFullName(), releasedActionResult));

    // then
    assertThat(result.describe())
        .contains("io.scenelog.model.ActionResult")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("ActionResult.decidedAt");
  }

  @Test
  void shouldFailWhenAReleasedSchemaWasRemoved() {
    // given
    Schema gone =
        new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Gone\",\"namespace\":"
            + "\"io.scenelog.model\",\"fields\":[]}");
    Map<String, Schema> released = new HashMap<>(ScenelogSchemas.topLevelSchemas());
    released.put(gone.getFullName(), gone);

    // when
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(ScenelogSchemas.topLevelSchemas(), released);

    // then
    assertThat(result.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.kind()).isEqualTo("SCHEMA_REMOVED");
      assertThat(issue.schemaName()).isEqualTo("io.scenelog.model.Gone");
    });
  }

  @Test
  void shouldFailWhenEnumSymbolsChangedPosition() {
    // given: a release where DUPLICATE came before INVALID
    Schema released =
        SchemaEdits.edit(ActionResult.getClassSchema(),
            SchemaEdits.enumSymbols("ReasonCode", "UNKNOWN", "UNAUTHORIZED", "FORBIDDEN_PERSIST",
                "UNKNOWN_SCENE", "UNKNOWN_SESSION", "UNKNOWN_ENTITY", "ENTITY_EXISTS",
                "VERSION_CONFLICT", "DUPLICATE", "INVALID", "RATE_LIMITED"));

    // when
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(
            ScenelogSchemas.topLevelSchemas(), Map.of(released.getFullName(), released));

    // then: Avro resolves enums by name and accepts this; Scenelog's wire ids do not
    assertThat(result.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.kind()).isEqualTo("ENUM_SYMBOLS_REORDERED");
      assertThat(issue.rule()).isEqualTo(CompatibilityIssue.Rule.ENUM_APPEND_ONLY);
      assertThat(issue.path()).isEqualTo("ActionResult.reason.symbols");
      assertThat(issue.message()).contains("io.scenelog.model.ReasonCode");
    });
  }

  @Test
  void shouldPassNewSchemasThatWereNeverReleased() {
    // when
    CompatibilityResult result =
        SchemaCompatibilityGate.checkRelease(ScenelogSchemas.topLevelSchemas(), Map.of());

    // then
    assertThat(result.isCompatible()).isTrue();
  }

  @Test
  void shouldReleaseOneFilePerSchemaNamedByFullName() {
    // when
    ReleaseSchemas.release(folder, ScenelogSchemas.topLevelSchemas());

    // then
    assertThat(folder.resolve("io.scenelog.model.SceneAction.avsc")).isRegularFile();
    assertThat(ReleasedSchemas.load(folder)).isEqualTo(ScenelogSchemas.topLevelSchemas());
  }

  @Test
  void shouldRefuseAnIncompatibleReleaseAndWriteNothing() throws IOException {
    // given: a release that lacked the current ActionResult's decidedAt
    Schema older =
        SchemaEdits.edit(ActionResult.getClassSchema(), SchemaEdits.removeField("decidedAt"));
    ReleasedSchemas.write(folder, Map.of(older.getFullName(), older));

    // then
    assertThatThrownBy(() -> ReleaseSchemas.release(folder, ScenelogSchemas.topLevelSchemas()))
        .isInstanceOf(IncompatibleReleaseException.class)
        .hasMessageContaining("decidedAt");
    try (var files = Files.list(folder)) {
      assertThat(files).hasSize(1);
    }
    assertThat(ReleasedSchemas.load(folder).get(older.getFullName())).isEqualTo(older);
  }

  @Test
  void shouldRejectAReleasedFileNamedForAnotherSchema() throws IOException {
    // given
    Files.writeString(folder.resolve("io.scenelog.model.Wrong.avsc"),
        ActionResult.getClassSchema().toString());

    // then
    assertThatThrownBy(() -> ReleasedSchemas.load(folder))
        .isInstanceOf(InvalidReleasedSchemaException.class)
        .hasMessageContaining("io.scenelog.model.Wrong.avsc")
        .hasMessageContaining("io.scenelog.model.ActionResult.avsc");
  }

  @Test
  void shouldRejectAReleasedFileThatDoesNotParse() throws IOException {
    // given
    Files.writeString(folder.resolve("io.scenelog.model.Broken.avsc"), "{\"type\":\"record\"");

    // then
    assertThatThrownBy(() -> ReleasedSchemas.load(folder))
        .isInstanceOf(InvalidReleasedSchemaException.class)
        .hasMessageContaining("does not parse");
  }
}
