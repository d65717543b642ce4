package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.Camera;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentKindsTest {

    private static final String ALLOWED = "\"name\", \"transform\", \"parent\", \"mesh\", \"material\", \"camera\", "
            + "\"light\", \"tags\", \"visible\"";

    @ParameterizedTest
    @EnumSource(value = ComponentKind.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldParseEveryKindByItsLowerCaseName(ComponentKind kind) {
        assertThat(ComponentKinds.parse(kind.name().toLowerCase(), "component")).isEqualTo(kind);
        assertThat(ComponentKinds.jsonName(kind)).isEqualTo(kind.name().toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "NAME", "Transform", "", "colour"})
    void shouldRejectAnyOtherNameListingTheAllowedOnes(String name) {
        assertThatThrownBy(() -> ComponentKinds.parse(name, "component"))
                .isInstanceOf(JsonFieldException.class)
                .hasMessage("component must be one of " + ALLOWED + ", got \"" + name + "\"");
    }

    @Test
    void shouldReadAListOfKinds() {
        assertThat(ComponentKinds.readAll(Json.parse("['parent', 'light']"), "remove"))
                .containsExactly(ComponentKind.PARENT, ComponentKind.LIGHT);
    }

    @Test
    void shouldNameTheBadElementOfAList() {
        assertThatThrownBy(() -> ComponentKinds.readAll(Json.parse("['parent', 'lamp']"), "remove"))
                .isInstanceOf(JsonFieldException.class)
                .hasMessage("remove[1] must be one of " + ALLOWED + ", got \"lamp\"")
                .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("remove[1]");
        assertThatThrownBy(() -> ComponentKinds.readAll(Json.parse("[7]"), "remove"))
                .hasMessage("remove[0] must be one of " + ALLOWED + ", got 7");
    }

    @Test
    void shouldRejectARepeatedKind() {
        assertThatThrownBy(() -> ComponentKinds.readAll(Json.parse("['tags', 'tags']"), "remove"))
                .isInstanceOf(JsonFieldException.class)
                .hasMessage("remove[1] repeats \"tags\"");
    }

    @Test
    void shouldRejectANonArray() {
        assertThatThrownBy(() -> ComponentKinds.readAll(Json.parse("{'remove': 'tags'}").get("remove"), "remove"))
                .hasMessage("remove must be an array of component names, got \"tags\"");
    }

    @Test
    void shouldTellWhichComponentsAnEntityHas() {
        // given
        Components components = Components.newBuilder()
                .setParent(UUID.randomUUID())
                .setCamera(new Camera(60.0f, 0.1f, 10.0f, null))
                .setTags(List.of())
                .setVisible(false)
                .build();

        // then
        assertThat(ComponentKinds.NAMEABLE).filteredOn(kind -> ComponentKinds.has(components, kind))
                .containsExactly(ComponentKind.PARENT, ComponentKind.CAMERA, ComponentKind.TAGS,
                        ComponentKind.VISIBLE);
        assertThat(ComponentKinds.has(components, ComponentKind.UNKNOWN)).isFalse();
    }
}
