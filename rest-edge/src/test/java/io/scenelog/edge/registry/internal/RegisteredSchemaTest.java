package io.scenelog.edge.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegisteredSchemaTest {

    @Test
    void shouldTreatEquivalentSpellingsAsTheSameSchema() {
        // given
        RegisteredSchema inherited = RegisteredSchema.parse("""
                {"type":"record","name":"A","namespace":"n",
                 "fields":[{"name":"b","type":{"type":"record","name":"B","fields":[{"name":"x","type":"int"}]}}]}""");
        RegisteredSchema explicit = RegisteredSchema.parse("""
                {"name":"n.A","type":"record",
                 "fields":[{"type":{"fields":[{"type":{"type":"int"},"name":"x"}],"type":"record","name":"n.B"},
                            "name":"b"}]}""");

        // then
        assertThat(inherited.sameSchemaAs(explicit)).isTrue();
        assertThat(inherited.text()).isNotEqualTo(explicit.text());
    }

    @Test
    void shouldTellApartSchemasThatDifferOnlyInADefaultOrAnAlias() {
        // given
        RegisteredSchema plain = RegisteredSchema.parse(
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        RegisteredSchema withDefault = RegisteredSchema.parse(
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\","
                        + "\"default\":1}]}");
        RegisteredSchema withAlias = RegisteredSchema.parse(
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\","
                        + "\"aliases\":[\"y\"]}]}");

        // then
        assertThat(plain.sameSchemaAs(withDefault)).isFalse();
        assertThat(plain.sameSchemaAs(withAlias)).isFalse();
    }

    @Test
    void shouldKeepTheTextExactlyAsSent() {
        // given
        String text = "  {\"type\" : \"string\"}  ";

        // then
        assertThat(RegisteredSchema.parse(text).text()).isEqualTo(text);
        assertThat(RegisteredSchema.parse(text).sameSchemaAs(RegisteredSchema.parse("\"string\""))).isTrue();
    }

    @Test
    void shouldRejectAnInvalidDefaultWithAvrosMessage() {
        assertThatThrownBy(() -> RegisteredSchema.parse(
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\","
                        + "\"default\":\"one\"}]}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("default");
    }

    @Test
    void shouldRejectSchemaTypesOtherThanAvro() {
        assertThatThrownBy(() -> RegisteredSchema.requireSupportedType("JSON"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("JSON");
    }
}
