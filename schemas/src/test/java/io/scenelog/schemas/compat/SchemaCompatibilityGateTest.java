package io.scenelog.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityGateTest {

  private static final String V1 = """
      {"type":"record","name":"Probe","namespace":"test","fields":[
        {"name":"id","type":"string"},
        {"name":"count","type":"int"},
        {"name":"state","type":{"type":"enum","name":"State","symbols":["ON","OFF"]}},
        {"name":"note","type":["null","string"],"default":null},
        {"name":"items","type":{"type":"array","items":{"type":"record","name":"Item",
          "fields":[{"name":"label","type":"string"}]}}}
      ]}""";

  private static Schema v1() {
    return parse(V1);
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  /** V1 with {@code from} replaced by {@code to} in its text. */
  private static Schema v1With(String from, String to) {
    if (!V1.contains(from)) {
      throw new IllegalArgumentException("fixture does not contain " + from);
    }
    return parse(V1.replace(from, to));
  }

  @Nested
  class Backward {

    @Test
    void shouldFailAnAddedFieldWithoutDefaultNamingTheField() {
      // given
      Schema newer = v1With("{\"name\":\"count\",\"type\":\"int\"},",
          "{\"name\":\"count\",\"type\":\"int\"},{\"name\":\"priority\",\"type\":\"int\"},");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD);

      // then
      assertThat(result.isCompatible()).isFalse();
      assertThat(result.issues()).singleElement().satisfies(issue -> {
        assertThat(issue.kind()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(issue.message()).isEqualTo("priority");
        assertThat(issue.path()).isEqualTo("Probe.priority");
        assertThat(issue.location()).isEqualTo("/fields/2");
        assertThat(issue.schemaName()).isEqualTo("test.Probe");
        assertThat(issue.rule()).isEqualTo(CompatibilityIssue.Rule.NEW_READS_OLD);
      });
      assertThat(result.describe()).contains("test.Probe").contains("priority");
    }

    @Test
    void shouldPassAnAddedOptionalFieldWithDefault() {
      // given
      Schema newer = v1With("{\"name\":\"count\",\"type\":\"int\"},",
          "{\"name\":\"count\",\"type\":\"int\"},"
              + "{\"name\":\"priority\",\"type\":[\"null\",\"int\"],\"default\":null},");

      // then
      assertThat(SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD)
          .isCompatible()).isTrue();
    }

    @Test
    void shouldPassARemovedField() {
      // given
      Schema newer = v1With("{\"name\":\"count\",\"type\":\"int\"},", "");

      // then
      assertThat(SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD)
          .isCompatible()).isTrue();
    }

    @Test
    void shouldFailARemovedEnumSymbolNamingTheSymbol() {
      // given
      Schema newer = v1With("[\"ON\",\"OFF\"]", "[\"ON\"]");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD);

      // then
      assertThat(result.issues()).singleElement().satisfies(issue -> {
        assertThat(issue.kind()).isEqualTo("MISSING_ENUM_SYMBOLS");
        assertThat(issue.message()).contains("OFF");
        assertThat(issue.path()).isEqualTo("Probe.state.symbols");
      });
    }

    @Test
    void shouldPassARemovedEnumSymbolWhenTheEnumHasADefault() {
      // given
      Schema newer = v1With("\"symbols\":[\"ON\",\"OFF\"]", "\"symbols\":[\"ON\"],\"default\":\"ON\"");

      // then
      assertThat(SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD)
          .isCompatible()).isTrue();
    }

    @Test
    void shouldFailATypeChangeNamingTheField() {
      // given
      Schema newer = v1With("{\"name\":\"id\",\"type\":\"string\"}",
          "{\"name\":\"id\",\"type\":\"int\"}");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD);

      // then
      assertThat(result.issues()).singleElement().satisfies(issue -> {
        assertThat(issue.kind()).isEqualTo("TYPE_MISMATCH");
        assertThat(issue.path()).isEqualTo("Probe.id");
        assertThat(issue.location()).isEqualTo("/fields/0/type");
        assertThat(issue.message()).contains("INT").contains("STRING");
      });
    }

    @Test
    void shouldPassATypePromotionFromIntToLong() {
      // given
      Schema newer = v1With("{\"name\":\"count\",\"type\":\"int\"}",
          "{\"name\":\"count\",\"type\":\"long\"}");

      // then
      assertThat(SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD)
          .isCompatible()).isTrue();
    }

    @Test
    void shouldFailANestedFieldChangeWithItsPath() {
      // given
      Schema newer = v1With("[{\"name\":\"label\",\"type\":\"string\"}]",
          "[{\"name\":\"label\",\"type\":\"string\"},{\"name\":\"weight\",\"type\":\"float\"}]");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD);

      // then
      assertThat(result.issues()).singleElement().satisfies(issue -> {
        assertThat(issue.message()).isEqualTo("weight");
        assertThat(issue.path()).isEqualTo("Probe.items[].weight");
      });
    }

    @Test
    void shouldFailARemovedUnionBranch() {
      // given
      Schema newer = v1With("{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}",
          "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD);

      // then
      assertThat(result.issues()).extracting(CompatibilityIssue::kind)
          .contains("TYPE_MISMATCH");
      assertThat(result.issues()).extracting(CompatibilityIssue::path)
          .allMatch(path -> path.startsWith("Probe.note"));
    }

    @Test
    void shouldFailARenamedRecord() {
      // given
      Schema newer = v1With("\"name\":\"Probe\"", "\"name\":\"Sonde\"");

      // then
      assertThat(SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.BACKWARD).issues())
          .extracting(CompatibilityIssue::kind).containsExactly("NAME_MISMATCH");
    }
  }

  @Nested
  class Levels {

    private final Schema withoutCount = v1With("{\"name\":\"count\",\"type\":\"int\"},", "");

    @Test
    void shouldFailForwardWhenARequiredFieldIsRemoved() {
      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(withoutCount, v1(), CompatibilityLevel.FORWARD);

      // then: the old schema needs count and has no default for it
      assertThat(result.issues()).singleElement().satisfies(issue -> {
        assertThat(issue.rule()).isEqualTo(CompatibilityIssue.Rule.OLD_READS_NEW);
        assertThat(issue.message()).isEqualTo("count");
      });
    }

    @Test
    void shouldCheckBothDirectionsForFull() {
      // given: count removed (breaks forward) and priority added without default (breaks backward)
      Schema newer = v1With("{\"name\":\"count\",\"type\":\"int\"},",
          "{\"name\":\"priority\",\"type\":\"int\"},");

      // when
      CompatibilityResult result =
          SchemaCompatibilityGate.check(newer, v1(), CompatibilityLevel.FULL);

      // then
      assertThat(result.issues()).extracting(CompatibilityIssue::rule).containsExactlyInAnyOrder(
          CompatibilityIssue.Rule.NEW_READS_OLD, CompatibilityIssue.Rule.OLD_READS_NEW);
    }

    @Test
    void shouldCheckOnlyTheLatestVersionWhenNotTransitive() {
      // given: version 1 had a required field "legacy" that version 2 dropped
      Schema version1 = v1With("{\"name\":\"id\",\"type\":\"string\"},",
          "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"legacy\",\"type\":\"int\"},");
      List<Schema> previous = List.of(version1, v1());

      // then: FORWARD_TRANSITIVE finds that version 1 cannot read v1 data, FORWARD does not look
      assertThat(SchemaCompatibilityGate.check(v1(), previous, CompatibilityLevel.FORWARD)
          .isCompatible()).isTrue();
      assertThat(SchemaCompatibilityGate.check(v1(), previous,
          CompatibilityLevel.FORWARD_TRANSITIVE).issues())
          .singleElement()
          .satisfies(issue -> {
            assertThat(issue.against()).isEqualTo("version 1");
            assertThat(issue.message()).isEqualTo("legacy");
          });
    }

    @Test
    void shouldAcceptAnythingAtLevelNone() {
      // given
      Schema unrelated = parse("{\"type\":\"record\",\"name\":\"Other\",\"fields\":[]}");

      // then
      assertThat(SchemaCompatibilityGate.check(unrelated, v1(), CompatibilityLevel.NONE)
          .isCompatible()).isTrue();
    }

    @Test
    void shouldParseLevelsAsTheRegistrySpellsThem() {
      assertThat(CompatibilityLevel.parse("full_transitive"))
          .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
      assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.transitive()).isTrue();
      assertThat(CompatibilityLevel.FULL.newReadsOld()).isTrue();
      assertThat(CompatibilityLevel.FULL.oldReadsNew()).isTrue();
    }
  }
}
