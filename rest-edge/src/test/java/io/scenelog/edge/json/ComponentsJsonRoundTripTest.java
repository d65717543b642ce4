package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.model.AssetRef;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.Components;
import io.scenelog.model.Light;
import io.scenelog.model.LightType;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentsJsonRoundTripTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final UUID ASSET_ID = UUID.fromString("0b7a3c52-6f1e-4c7d-9a51-2e8d0c4b9f10");
    private static final UUID PARENT = UUID.fromString("5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00");

    /** Every component in its complete JSON form, as write() produces it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{'name': 'Lamp'}",
        "{'transform': {'position': {'x': 1.5, 'y': -2.0, 'z': 1.0E10},"
                + " 'rotation': {'x': 0.0, 'y': 0.7071067811865476, 'z': 0.0, 'w': 0.7071067811865476},"
                + " 'scale': {'x': 1.0, 'y': 1.0, 'z': 1.0}}}",
        "{'parent': '5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00'}",
        "{'mesh': {'primitive': 'CYLINDER'}}",
        "{'mesh': {'asset': {'sha256': '" + SHA + "', 'assetId': '0b7a3c52-6f1e-4c7d-9a51-2e8d0c4b9f10'}}}",
        "{'mesh': {'asset': {'sha256': '" + SHA + "'}}}",
        "{'material': {'baseColor': {'r': 0.1, 'g': 0.2, 'b': 0.3, 'a': 0.4}, 'metallic': 1.0, 'roughness': 0.25}}",
        "{'material': {'baseColor': {'r': 1.0, 'g': 1.0, 'b': 1.0, 'a': 1.0}, 'metallic': 0.0, 'roughness': 0.5,"
                + " 'baseColorTexture': {'sha256': '" + SHA + "'}}}",
        "{'camera': {'fovDegrees': 60.0, 'near': 0.1, 'far': 1000.0}}",
        "{'camera': {'fovDegrees': 45.5, 'near': 0.01, 'far': 50.0, 'ownerClientId': 'client-7'}}",
        "{'light': {'type': 'SPOT', 'color': {'r': 1.0, 'g': 0.9, 'b': 0.8, 'a': 1.0}, 'intensity': 800.0,"
                + " 'range': 25.0, 'innerConeDegrees': 10.0, 'outerConeDegrees': 30.0}}",
        "{'light': {'type': 'DIRECTIONAL', 'color': {'r': 1.0, 'g': 1.0, 'b': 1.0, 'a': 1.0}, 'intensity': 3.0,"
                + " 'innerConeDegrees': 0.0, 'outerConeDegrees': 45.0}}",
        "{'tags': ['lighting', 'ünïcødé']}",
        "{'tags': []}",
        "{'visible': false}",
        "{}"
    })
    void shouldWriteBackExactlyWhatItRead(String component) {
        // given
        JsonNode json = Json.parse(component);

        // when
        Components components = ComponentsJson.read(json, "components");

        // then
        assertThat(Json.parse(ComponentsJson.write(components).toString())).isEqualTo(json);
        assertThat(ComponentsJson.read(ComponentsJson.write(components), "components")).isEqualTo(components);
    }

    @Test
    void shouldRoundTripAnEntityWithEveryComponent() {
        // given
        AssetRef texture = new AssetRef(SHA, ASSET_ID);
        Components all = Components.newBuilder()
                .setName("Everything")
                .setTransform(new Transform(new Vec3(1.0, 2.0, 3.0), new Quat(0.0, 0.0, 0.0, 1.0),
                        new Vec3(2.0, 2.0, 2.0)))
                .setParent(PARENT)
                .setMesh(new MeshRef(null, PrimitiveShape.SPHERE))
                .setMaterial(new Material(new Color(0.5f, 0.25f, 0.125f, 1.0f), 0.0f, 0.5f, texture))
                .setCamera(new Camera(70.0f, 0.1f, 100.0f, null))
                .setLight(new Light(LightType.POINT, new Color(1.0f, 1.0f, 1.0f, 1.0f), 40.0f, null, 0.0f, 45.0f))
                .setTags(List.of("a", "b"))
                .setVisible(true)
                .build();

        // when
        Components read = ComponentsJson.read(ComponentsJson.write(all), "components");

        // then
        assertThat(read).isEqualTo(all);
    }

    @Test
    void shouldFillTheSchemaDefaultsOfOmittedFields() {
        // given
        JsonNode json = Json.parse("{'material': {'baseColor': {'r': 1, 'g': 0, 'b': 0}},"
                + " 'light': {'type': 'SPOT', 'color': {'r': 1, 'g': 1, 'b': 1}, 'intensity': 5}}");

        // when
        Components components = ComponentsJson.read(json, "components");

        // then
        assertThat(components.getMaterial().getBaseColor().getA()).isEqualTo(1.0f);
        assertThat(components.getMaterial().getMetallic()).isEqualTo(0.0f);
        assertThat(components.getMaterial().getRoughness()).isEqualTo(0.5f);
        assertThat(components.getMaterial().getBaseColorTexture()).isNull();
        assertThat(components.getLight().getRange()).isNull();
        assertThat(components.getLight().getInnerConeDegrees()).isEqualTo(0.0f);
        assertThat(components.getLight().getOuterConeDegrees()).isEqualTo(45.0f);
    }

    @Test
    void shouldReadJsonNullAsAnAbsentComponent() {
        // given
        JsonNode json = Json.parse("{'name': null, 'transform': null, 'parent': null, 'mesh': null,"
                + " 'material': null, 'camera': null, 'light': null, 'tags': null, 'visible': null}");

        // when
        Components components = ComponentsJson.read(json, "set");

        // then
        assertThat(components).isEqualTo(Components.newBuilder().build());
        assertThat(ComponentsJson.write(components)).isEmpty();
    }

    @Test
    void shouldReadOptionalNullSubFieldsAsTheirDefaults() {
        // given
        JsonNode json = Json.parse("{'mesh': {'primitive': 'CUBE', 'asset': null},"
                + " 'camera': {'fovDegrees': 60, 'near': 0.1, 'far': 10, 'ownerClientId': null}}");

        // when
        Components components = ComponentsJson.read(json, "components");

        // then
        assertThat(components.getMesh()).isEqualTo(new MeshRef(null, PrimitiveShape.CUBE));
        assertThat(components.getCamera().getOwnerClientId()).isNull();
    }

    @Test
    void shouldWriteFloatsAsTheyWereWrittenNotAsTheirDoubleWidening() {
        // given
        Components components = Components.newBuilder()
                .setCamera(new Camera(60.0f, 0.1f, 1000.0f, null))
                .build();

        // when
        String json = ComponentsJson.write(components).toString();

        // then
        assertThat(json).isEqualTo("{\"camera\":{\"fovDegrees\":60.0,\"near\":0.1,\"far\":1000.0}}");
    }

    @Test
    void shouldAcceptIntegersAndExponentsForNumbers() {
        // given
        JsonNode json = Json.parse("{'transform': {'position': {'x': 1, 'y': -0, 'z': 2e3},"
                + " 'rotation': {'x': 0, 'y': 0, 'z': 0, 'w': 1},"
                + " 'scale': {'x': 1, 'y': 1, 'z': 12345678901234567890}}}");

        // when
        Transform transform = ComponentsJson.read(json, "components").getTransform();

        // then
        assertThat(transform.getPosition()).isEqualTo(new Vec3(1.0, 0.0, 2000.0));
        assertThat(transform.getScale().getZ()).isEqualTo(1.2345678901234567e19);
    }

    @Test
    void shouldAcceptTheLongestNameAndTagsCountedInCharactersNotUtf16Units() {
        // given: 200 characters outside the BMP are 400 UTF-16 units
        String name = "\uD83D\uDE00".repeat(ComponentsJson.MAX_NAME_LENGTH);
        JsonNode json = Json.parse("{'name': '" + name + "', 'tags': []}");

        // when
        Components components = ComponentsJson.read(json, "components");

        // then
        assertThat(components.getName()).isEqualTo(name);
    }
}
