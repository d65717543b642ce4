package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.Components;
import io.scenelog.model.LightType;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentsJsonValidationTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String IDENTITY = "'rotation': {'x': 0, 'y': 0, 'z': 0, 'w': 1}";
    private static final String ORIGIN = "'position': {'x': 0, 'y': 0, 'z': 0}";
    private static final String UNIT_SCALE = "'scale': {'x': 1, 'y': 1, 'z': 1}";
    private static final String WHITE = "{'r': 1, 'g': 1, 'b': 1}";

    /** Reads the components and expects a rejection of exactly this field with exactly this message. */
    private static void assertRejected(String components, String field, String message) {
        rejection(components).hasMessage(message)
                .extracting(e -> ((JsonFieldException) e).field()).isEqualTo(field);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejection(String components) {
        return assertThatThrownBy(() -> ComponentsJson.read(Json.parse(components), "components"))
                .isInstanceOf(JsonFieldException.class);
    }

    @Nested
    class TheObject {

        @Test
        void shouldRejectANonObject() {
            assertRejected("['name']", "components", "components must be an object, got an array");
        }

        @Test
        void shouldRejectAnUnknownComponentListingTheKnownOnes() {
            assertRejected("{'colour': 'red'}", "components.colour", "components.colour is not a known field; "
                    + "allowed: camera, light, material, mesh, name, parent, tags, transform, visible");
        }

        @Test
        void shouldNameTheFieldUnderTheGivenPath() {
            assertThatThrownBy(() -> ComponentsJson.read(Json.parse("{'visible': 1}"), "set"))
                    .isInstanceOf(JsonFieldException.class)
                    .hasMessage("set.visible must be true or false, got 1");
        }

        @Test
        void shouldQuoteAnUnknownFieldNameThatIsNotAPlainWord() {
            rejection("{'a.b c': 1}").extracting(e -> ((JsonFieldException) e).field())
                    .isEqualTo("components[\"a.b c\"]");
        }
    }

    @Nested
    class Name {

        @Test
        void shouldRejectANumber() {
            assertRejected("{'name': 5}", "components.name", "components.name must be a string, got 5");
        }

        @Test
        void shouldRejectMoreThan200Characters() {
            assertRejected("{'name': '" + "x".repeat(201) + "'}", "components.name",
                    "components.name must be a string of at most 200 characters, got 201 characters");
        }
    }

    @Nested
    class TransformComponent {

        @Test
        void shouldRejectAStringCoordinateWithTheFullPath() {
            assertRejected("{'transform': {'position': {'x': 'abc', 'y': 0, 'z': 0}, " + IDENTITY + ", "
                    + UNIT_SCALE + "}}", "components.transform.position.x",
                    "components.transform.position.x must be a finite number, got \"abc\"");
        }

        @Test
        void shouldRejectANumberTooLargeForADouble() {
            // Jackson parses 1e400 to Infinity; JSON cannot spell NaN or Infinity any other way.
            assertRejected("{'transform': {" + ORIGIN + ", " + IDENTITY + ", 'scale': {'x': 1, 'y': 1e400, 'z': 1}}}",
                    "components.transform.scale.y",
                    "components.transform.scale.y must be a finite number, got a number too large to represent");
        }

        @Test
        void shouldRejectANegativeHugeNumber() {
            rejection("{'transform': {" + ORIGIN + ", 'rotation': {'x': 0, 'y': 0, 'z': -1e309, 'w': 1}, "
                    + UNIT_SCALE + "}}").hasMessageStartingWith("components.transform.rotation.z must be a finite");
        }

        @Test
        void shouldRejectNullCoordinate() {
            assertRejected("{'transform': {'position': {'x': 0, 'y': null, 'z': 0}, " + IDENTITY + ", "
                    + UNIT_SCALE + "}}", "components.transform.position.y",
                    "components.transform.position.y must be a finite number, got null");
        }

        @Test
        void shouldRequireEveryPart() {
            assertRejected("{'transform': {" + ORIGIN + ", " + UNIT_SCALE + "}}", "components.transform.rotation",
                    "components.transform.rotation is required");
        }

        @Test
        void shouldRequireEveryCoordinate() {
            assertRejected("{'transform': {'position': {'x': 0, 'z': 0}, " + IDENTITY + ", " + UNIT_SCALE + "}}",
                    "components.transform.position.y", "components.transform.position.y is required");
        }

        @Test
        void shouldRejectAnUnknownFieldInTheTransform() {
            rejection("{'transform': {" + ORIGIN + ", " + IDENTITY + ", " + UNIT_SCALE + ", 'pivot': 1}}")
                    .hasMessage("components.transform.pivot is not a known field; allowed: position, rotation, scale");
        }

        @Test
        void shouldRejectAnUnknownFieldInAVector() {
            assertRejected("{'transform': {'position': {'x': 0, 'y': 0, 'z': 0, 'w': 0}, " + IDENTITY + ", "
                    + UNIT_SCALE + "}}", "components.transform.position.w",
                    "components.transform.position.w is not a known field; allowed: x, y, z");
        }

        @Test
        void shouldRejectAVectorGivenAsAnArray() {
            assertRejected("{'transform': {'position': [0, 0, 0], " + IDENTITY + ", " + UNIT_SCALE + "}}",
                    "components.transform.position", "components.transform.position must be an object, got an array");
        }

        @Test
        void shouldRejectAZeroLengthRotation() {
            rejection("{'transform': {" + ORIGIN + ", 'rotation': {'x': 0, 'y': 0, 'z': 0, 'w': 0}, "
                    + UNIT_SCALE + "}}")
                    .hasMessageStartingWith("components.transform.rotation must be a rotation quaternion of non-zero")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.transform.rotation");
        }
    }

    @Nested
    class Parent {

        @ParameterizedTest
        @ValueSource(strings = {"not-a-uuid", "5e2b1f9a0c444c1b8f3e7d9a6b2c1e00",
            "{5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00}", "5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e0", "1-1-1-1-1"})
        void shouldRejectAnythingButACanonicalUuid(String value) {
            assertRejected("{'parent': '" + value + "'}", "components.parent", "components.parent must be a UUID "
                    + "such as \"123e4567-e89b-42d3-a456-426614174000\", got \"" + value + "\"");
        }

        @Test
        void shouldRejectANumber() {
            assertRejected("{'parent': 42}", "components.parent", "components.parent must be a UUID "
                    + "such as \"123e4567-e89b-42d3-a456-426614174000\", got 42");
        }

        @Test
        void shouldAcceptAnUpperCaseUuid() {
            Components components = ComponentsJson.read(
                    Json.parse("{'parent': '5E2B1F9A-0C44-4C1B-8F3E-7D9A6B2C1E00'}"), "components");
            assertThat(components.getParent()).hasToString("5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00");
        }
    }

    @Nested
    class Mesh {

        @Test
        void shouldRejectNeitherSource() {
            assertRejected("{'mesh': {}}", "components.mesh",
                    "components.mesh must have exactly one of \"primitive\" or \"asset\", got neither");
        }

        @Test
        void shouldRejectBothSources() {
            assertRejected("{'mesh': {'primitive': 'CUBE', 'asset': {'sha256': '" + SHA + "'}}}", "components.mesh",
                    "components.mesh must have exactly one of \"primitive\" or \"asset\", got both");
        }

        @Test
        void shouldRejectALowerCasePrimitive() {
            assertRejected("{'mesh': {'primitive': 'cube'}}", "components.mesh.primitive",
                    "components.mesh.primitive must be one of \"CUBE\", \"SPHERE\", \"PLANE\", \"CYLINDER\", "
                            + "\"CONE\", got \"cube\"");
        }

        @Test
        void shouldRejectAnUpperCaseSha256() {
            assertRejected("{'mesh': {'asset': {'sha256': '" + SHA.toUpperCase() + "'}}}",
                    "components.mesh.asset.sha256", "components.mesh.asset.sha256 must be a SHA-256 of 64 "
                            + "lower-case hex digits, got \"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B…\"");
        }

        @Test
        void shouldRejectAShortSha256() {
            rejection("{'mesh': {'asset': {'sha256': '" + SHA.substring(1) + "'}}}")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.mesh.asset.sha256");
        }

        @Test
        void shouldRequireTheSha256OfAnAsset() {
            assertRejected("{'mesh': {'asset': {'assetId': '5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00'}}}",
                    "components.mesh.asset.sha256", "components.mesh.asset.sha256 is required");
        }

        @Test
        void shouldRejectABadAssetId() {
            rejection("{'mesh': {'asset': {'sha256': '" + SHA + "', 'assetId': 'x'}}}")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.mesh.asset.assetId");
        }

        @Test
        void shouldRejectAnUnknownFieldInTheMeshAndInTheAssetRef() {
            rejection("{'mesh': {'primitive': 'CUBE', 'url': 'x'}}")
                    .hasMessage("components.mesh.url is not a known field; allowed: asset, primitive");
            rejection("{'mesh': {'asset': {'sha256': '" + SHA + "', 'url': 'x'}}}")
                    .hasMessage("components.mesh.asset.url is not a known field; allowed: assetId, sha256");
        }
    }

    @Nested
    class MaterialComponent {

        @Test
        void shouldRequireTheBaseColor() {
            assertRejected("{'material': {'metallic': 0}}", "components.material.baseColor",
                    "components.material.baseColor is required");
        }

        @Test
        void shouldRejectMetallicAboveOne() {
            assertRejected("{'material': {'baseColor': " + WHITE + ", 'metallic': 1.5}}",
                    "components.material.metallic", "components.material.metallic must be a number from 0 to 1, "
                            + "got 1.5");
        }

        @Test
        void shouldRejectRoughnessAsAString() {
            assertRejected("{'material': {'baseColor': " + WHITE + ", 'roughness': '0.5'}}",
                    "components.material.roughness", "components.material.roughness must be a finite number, "
                            + "got \"0.5\"");
        }

        @Test
        void shouldRejectANegativeChannel() {
            assertRejected("{'material': {'baseColor': {'r': -0.1, 'g': 0, 'b': 0}}}",
                    "components.material.baseColor.r", "components.material.baseColor.r must be a number from 0 "
                            + "to 1, got -0.1");
        }

        @Test
        void shouldRejectAnAlphaAboveOne() {
            rejection("{'material': {'baseColor': {'r': 0, 'g': 0, 'b': 0, 'a': 2}}}")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.material.baseColor.a");
        }

        @Test
        void shouldRequireEveryColourChannelButAlpha() {
            assertRejected("{'material': {'baseColor': {'r': 0, 'b': 0}}}", "components.material.baseColor.g",
                    "components.material.baseColor.g is required");
        }

        @Test
        void shouldRejectAnUnknownFieldInTheColourAndInTheTexture() {
            assertRejected("{'material': {'baseColor': {'r': 0, 'g': 0, 'b': 0, 'alpha': 1}}}",
                    "components.material.baseColor.alpha",
                    "components.material.baseColor.alpha is not a known field; allowed: a, b, g, r");
            rejection("{'material': {'baseColor': " + WHITE + ", 'baseColorTexture': {'sha256': '" + SHA
                    + "', 'size': 1}}}").extracting(e -> ((JsonFieldException) e).field())
                    .isEqualTo("components.material.baseColorTexture.size");
        }
    }

    @Nested
    class CameraComponent {

        @Test
        void shouldRejectAFieldOfViewOf180() {
            assertRejected("{'camera': {'fovDegrees': 180, 'near': 0.1, 'far': 10}}", "components.camera.fovDegrees",
                    "components.camera.fovDegrees must be a number greater than 0 and less than 180, got 180");
        }

        @Test
        void shouldRejectANearPlaneAtZero() {
            assertRejected("{'camera': {'fovDegrees': 60, 'near': 0, 'far': 10}}", "components.camera.near",
                    "components.camera.near must be a number greater than 0, got 0");
        }

        @Test
        void shouldRejectAFarPlaneBeforeTheNearOne() {
            assertRejected("{'camera': {'fovDegrees': 60, 'near': 0.1, 'far': 0.05}}", "components.camera.far",
                    "components.camera.far must be greater than near (0.1), got 0.05");
        }

        @Test
        void shouldRejectAFarPlaneBeyondTheFloatRange() {
            assertRejected("{'camera': {'fovDegrees': 60, 'near': 0.1, 'far': 1e39}}", "components.camera.far",
                    "components.camera.far must be a number between -3.4e38 and 3.4e38, got 1.0E39");
        }

        @Test
        void shouldRejectAnEmptyOwner() {
            assertRejected("{'camera': {'fovDegrees': 60, 'near': 0.1, 'far': 10, 'ownerClientId': ''}}",
                    "components.camera.ownerClientId",
                    "components.camera.ownerClientId must be a string of 1 to 256 characters, got 0 characters");
        }

        @Test
        void shouldRejectAnUnknownField() {
            rejection("{'camera': {'fovDegrees': 60, 'near': 0.1, 'far': 10, 'aspect': 1.5}}")
                    .hasMessageStartingWith("components.camera.aspect is not a known field; allowed: far, fovDegrees");
        }
    }

    @Nested
    class LightComponent {

        private String light(String type, String more) {
            return "{'light': {'type': '" + type + "', 'color': " + WHITE + ", 'intensity': 10" + more + "}}";
        }

        @Test
        void shouldRejectALowerCaseType() {
            assertRejected(light("point", ""), "components.light.type",
                    "components.light.type must be one of \"DIRECTIONAL\", \"POINT\", \"SPOT\", got \"point\"");
        }

        @Test
        void shouldRequireTheType() {
            assertRejected("{'light': {'color': " + WHITE + ", 'intensity': 1}}", "components.light.type",
                    "components.light.type is required");
        }

        @Test
        void shouldRejectANegativeIntensity() {
            assertRejected("{'light': {'type': 'POINT', 'color': " + WHITE + ", 'intensity': -1}}",
                    "components.light.intensity", "components.light.intensity must be a number at least 0, got -1");
        }

        @Test
        void shouldRejectAnIntensityBeyondTheFloatRange() {
            rejection("{'light': {'type': 'POINT', 'color': " + WHITE + ", 'intensity': 3.5e38}}")
                    .hasMessage("components.light.intensity must be a number between -3.4e38 and 3.4e38, got 3.5E38");
        }

        @Test
        void shouldRejectAZeroRange() {
            assertRejected(light("POINT", ", 'range': 0"), "components.light.range",
                    "components.light.range must be a number greater than 0, got 0");
        }

        @Test
        void shouldRejectASpotConeWiderThan90() {
            assertRejected(light("SPOT", ", 'outerConeDegrees': 100"), "components.light.outerConeDegrees",
                    "components.light.outerConeDegrees must be a number greater than 0 and at most 90, got 100");
        }

        @Test
        void shouldRejectASpotWhoseInnerConeIsNotInsideTheOuter() {
            assertRejected(light("SPOT", ", 'innerConeDegrees': 50, 'outerConeDegrees': 45"),
                    "components.light.innerConeDegrees",
                    "components.light.innerConeDegrees must be less than outerConeDegrees (45), got 50");
        }

        @Test
        void shouldKeepAnyFiniteConeOfALightThatIsNotASpot() {
            // given: the pipeline accepts it, so a client that reads it back can write it again
            Components components = ComponentsJson.read(
                    Json.parse(light("POINT", ", 'innerConeDegrees': 100, 'outerConeDegrees': 120")), "components");

            // then
            assertThat(components.getLight().getType()).isEqualTo(LightType.POINT);
            assertThat(components.getLight().getOuterConeDegrees()).isEqualTo(120.0f);
        }

        @Test
        void shouldStillRejectANonNumericConeOfAPointLight() {
            assertRejected(light("POINT", ", 'innerConeDegrees': 'wide'"), "components.light.innerConeDegrees",
                    "components.light.innerConeDegrees must be a finite number, got \"wide\"");
        }

        @Test
        void shouldRejectAColourOutOfRangeAndAnUnknownColourField() {
            rejection("{'light': {'type': 'POINT', 'color': {'r': 1.5, 'g': 1, 'b': 1}, 'intensity': 1}}")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.light.color.r");
            rejection("{'light': {'type': 'POINT', 'color': {'r': 1, 'g': 1, 'b': 1, 'x': 1}, 'intensity': 1}}")
                    .extracting(e -> ((JsonFieldException) e).field()).isEqualTo("components.light.color.x");
        }

        @Test
        void shouldRejectAnUnknownField() {
            assertRejected(light("POINT", ", 'shadows': true"), "components.light.shadows",
                    "components.light.shadows is not a known field; allowed: color, innerConeDegrees, intensity, "
                            + "outerConeDegrees, range, type");
        }
    }

    @Nested
    class Tags {

        @Test
        void shouldRejectANonArray() {
            assertRejected("{'tags': 'a,b'}", "components.tags",
                    "components.tags must be an array of strings, got \"a,b\"");
        }

        @Test
        void shouldNameTheElementThatIsNotAString() {
            assertRejected("{'tags': ['a', 'b', 3]}", "components.tags[2]",
                    "components.tags[2] must be a string, got 3");
        }

        @Test
        void shouldRejectANullElement() {
            assertRejected("{'tags': [null]}", "components.tags[0]", "components.tags[0] must be a string, got null");
        }

        @Test
        void shouldRejectMoreThan64Tags() {
            String tags = "'t', ".repeat(64) + "'t'";
            assertRejected("{'tags': [" + tags + "]}", "components.tags",
                    "components.tags must have at most 64 entries, got 65");
        }

        @Test
        void shouldRejectATagLongerThan128Characters() {
            assertRejected("{'tags': ['ok', '" + "t".repeat(129) + "']}", "components.tags[1]",
                    "components.tags[1] must be a string of 1 to 128 characters, got 129 characters");
        }

        @Test
        void shouldRejectAnEmptyTag() {
            rejection("{'tags': ['']}").extracting(e -> ((JsonFieldException) e).field())
                    .isEqualTo("components.tags[0]");
        }
    }

    @Nested
    class Visible {

        @Test
        void shouldRejectAString() {
            assertRejected("{'visible': 'true'}", "components.visible",
                    "components.visible must be true or false, got \"true\"");
        }

        @Test
        void shouldRejectANumber() {
            assertRejected("{'visible': 0}", "components.visible", "components.visible must be true or false, got 0");
        }
    }
}
