package io.scenelog.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.schemas.compat.CompatibilityLevel;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String V1_REFORMATTED = """
      {
        "namespace" : "test",
        "fields" : [ { "type" : "string", "name" : "id", "doc" : "Docs do not change the id." } ],
        "name" : "Probe",
        "type" : "record"
      }""";
  private static final String V2_COMPATIBLE =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},"
          + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  private static final String V2_INCOMPATIBLE =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"size\",\"type\":\"int\"}]}";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  @Test
  void shouldGiveTheSameIdToTheSameSchemaWrittenDifferently() {
    // when
    int first = registry.register("probes-value", parse(V1));
    int second = registry.register("probes-value", parse(V1_REFORMATTED));

    // then
    assertThat(second).isEqualTo(first);
    assertThat(registry.latest("probes-value")).hasValueSatisfying(
        latest -> assertThat(latest.version()).isEqualTo(1));
  }

  @Test
  void shouldShareIdsAcrossSubjects() {
    // when
    int a = registry.register("a-value", parse(V1));
    int b = registry.register("b-value", parse(V1_REFORMATTED));

    // then
    assertThat(b).isEqualTo(a);
    assertThat(registry.subjects()).containsExactly("a-value", "b-value");
  }

  @Test
  void shouldNumberNewSchemasAndVersions() {
    // when
    int first = registry.register("probes-value", parse(V1));
    int second = registry.register("probes-value", parse(V2_COMPATIBLE));

    // then
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(registry.latest("probes-value"))
        .contains(new RegisteredSchema("probes-value", 2, 2, registry.schemaById(2)));
    assertThat(registry.schemaById(2)).isEqualTo(parse(V2_COMPATIBLE));
  }

  @Test
  void shouldRefuseAnIncompatibleVersionNamingTheField() {
    // given
    registry.register("probes-value", parse(V1));

    // then
    assertThatThrownBy(() -> registry.register("probes-value", parse(V2_INCOMPATIBLE)))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class,
            e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("probes-value")
        .hasMessageContaining("size");
    assertThat(registry.latest("probes-value")).hasValueSatisfying(
        latest -> assertThat(latest.version()).isEqualTo(1));
  }

  @Test
  void shouldAcceptAnyVersionAtLevelNone() {
    // given
    InMemorySchemaRegistryClient lenient = new InMemorySchemaRegistryClient(CompatibilityLevel.NONE);
    lenient.register("probes-value", parse(V1));

    // when
    int id = lenient.register("probes-value", parse(V2_INCOMPATIBLE));

    // then
    assertThat(id).isEqualTo(2);
  }

  @Test
  void shouldLookUpARegisteredSchema() {
    // given
    int registered = registry.register("probes-value", parse(V1));

    // then
    assertThat(registry.idOf("probes-value", parse(V1_REFORMATTED))).isEqualTo(registered);
  }

  @Test
  void shouldFailLookupsOfUnknownSubjectsAndSchemas() {
    // given
    registry.register("probes-value", parse(V1));

    // then
    assertThatThrownBy(() -> registry.idOf("other-value", parse(V1)))
        .isInstanceOf(SubjectNotFoundException.class)
        .hasMessageContaining("other-value");
    assertThatThrownBy(() -> registry.idOf("probes-value", parse(V2_COMPATIBLE)))
        .isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("probes-value");
    assertThatThrownBy(() -> registry.schemaById(77))
        .isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("77");
    assertThat(registry.latest("other-value")).isEmpty();
  }

  @Test
  void shouldShareARegistryByScopeUntilDropped() {
    // given
    String scope = "shared-" + System.nanoTime();
    InMemorySchemaRegistryClient.forScope(scope).register("probes-value", parse(V1));

    // when
    InMemorySchemaRegistryClient again = InMemorySchemaRegistryClient.forScope(scope);
    InMemorySchemaRegistryClient.dropScope(scope);
    InMemorySchemaRegistryClient fresh = InMemorySchemaRegistryClient.forScope(scope);

    // then
    assertThat(again.subjects()).containsExactly("probes-value");
    assertThat(again.location()).isEqualTo("mock://" + scope);
    assertThat(fresh.subjects()).isEmpty();
    InMemorySchemaRegistryClient.dropScope(scope);
  }
}
