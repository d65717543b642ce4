package io.scenelog.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class ScenelogSchemasTest {

  /** Set by the module's pom; the default serves IDEs that run tests from the module folder. */
  private static final Path SOURCES =
      Path.of(System.getProperty("scenelog.schemas.sources", "src/main/avro"));

  @Test
  void shouldListEveryTopLevelSchemaFile() throws IOException {
    // given: top-level schemas live directly in src/main/avro, shared types in shared/
    Set<String> inFiles = new TreeSet<>();
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
        JsonNode tree = mapper.readTree(file.toFile());
        inFiles.add(tree.get("namespace").asText() + "." + tree.get("name").asText());
      }
    }

    // then
    assertThat(ScenelogSchemas.topLevelSchemas().keySet()).isEqualTo(inFiles);
  }

  @Test
  void shouldDocumentEveryRecordFieldAndEnum() {
    // given
    List<String> undocumented = new ArrayList<>();
    Map<Schema, Boolean> seen = new IdentityHashMap<>();

    // when
    ScenelogSchemas.topLevelSchemas().values()
        .forEach(schema -> collectUndocumented(schema, undocumented, seen));

    // then
    assertThat(undocumented).as("schemas and fields without doc").isEmpty();
  }

  @Test
  void shouldNameEveryFieldInCamelCase() {
    // given
    List<String> badNames = new ArrayList<>();
    Map<Schema, Boolean> seen = new IdentityHashMap<>();

    // when
    ScenelogSchemas.topLevelSchemas().values().forEach(schema -> visitRecords(schema, seen,
        record -> record.getFields().stream()
            .filter(field -> !field.name().matches("[a-z][a-zA-Z0-9]*"))
            .forEach(field -> badNames.add(record.getName() + "." + field.name()))));

    // then
    assertThat(badNames).isEmpty();
  }

  @Test
  void shouldLetAvroLoadGeneratedClassesButNoOthers() {
    // when
    ScenelogSchemas.trustGeneratedClasses();

    // then
    ClassSecurityValidator.validate(SceneAction.class);
    ClassSecurityValidator.validate(Vec3.class);
    assertThatThrownBy(() -> ClassSecurityValidator.validate(java.io.File.class))
        .isInstanceOf(SecurityException.class);
  }

  private static void collectUndocumented(
      Schema schema, List<String> undocumented, Map<Schema, Boolean> seen) {
    switch (schema.getType()) {
      case RECORD:
        if (seen.put(schema, true) != null) {
          return;
        }
        if (isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
        for (Schema.Field field : schema.getFields()) {
          if (isBlank(field.doc())) {
            undocumented.add(schema.getName() + "." + field.name());
          }
          collectUndocumented(field.schema(), undocumented, seen);
        }
        break;
      case ENUM:
        if (seen.put(schema, true) == null && isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
        break;
      case ARRAY:
        collectUndocumented(schema.getElementType(), undocumented, seen);
        break;
      case MAP:
        collectUndocumented(schema.getValueType(), undocumented, seen);
        break;
      case UNION:
        schema.getTypes().forEach(branch -> collectUndocumented(branch, undocumented, seen));
        break;
      default:
        break;
    }
  }

  private static void visitRecords(
      Schema schema, Map<Schema, Boolean> seen, java.util.function.Consumer<Schema> visitor) {
    switch (schema.getType()) {
      case RECORD:
        if (seen.put(schema, true) != null) {
          return;
        }
        visitor.accept(schema);
        schema.getFields().forEach(field -> visitRecords(field.schema(), seen, visitor));
        break;
      case ARRAY:
        visitRecords(schema.getElementType(), seen, visitor);
        break;
      case UNION:
        schema.getTypes().forEach(branch -> visitRecords(branch, seen, visitor));
        break;
      default:
        break;
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
