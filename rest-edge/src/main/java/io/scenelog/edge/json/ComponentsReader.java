package io.scenelog.edge.json;

import static io.scenelog.edge.json.StrictJson.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.scenelog.streams.scene.ComponentRules;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the JSON form of {@link Components} (see {@link ComponentsJson}). Ranges mirror platform-streams'
 * {@link ComponentRules}, so a REST client learns which field is wrong (400) instead of getting the pipeline's
 * whole-entity rejection (422); the pipeline stays the authority and checks again.
 */
final class ComponentsReader {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Below this length a quaternion cannot be normalised reliably (the same bound as ComponentRules). */
    private static final double MIN_QUATERNION_LENGTH = 1e-6;
    private static final NumberRange UNIT = NumberRange.closed(0, 1);
    private static final NumberRange FIELD_OF_VIEW = NumberRange.open(0, 180);
    private static final NumberRange POSITIVE = NumberRange.greaterThan(0);
    private static final NumberRange NON_NEGATIVE = NumberRange.atLeast(0);
    private static final NumberRange INNER_CONE = NumberRange.closed(0, 90);
    private static final NumberRange OUTER_CONE = new NumberRange(0, false, 90, true);

    private static final Set<String> COMPONENTS = Set.of(
            "name", "transform", "parent", "mesh", "material", "camera", "light", "tags", "visible");
    private static final Set<String> TRANSFORM = Set.of("position", "rotation", "scale");
    private static final Set<String> VEC3 = Set.of("x", "y", "z");
    private static final Set<String> QUAT = Set.of("x", "y", "z", "w");
    private static final Set<String> COLOR = Set.of("r", "g", "b", "a");
    private static final Set<String> COLOR_REQUIRED = Set.of("r", "g", "b");
    private static final Set<String> ASSET_REF = Set.of("sha256", "assetId");
    private static final Set<String> MESH = Set.of("primitive", "asset");
    private static final Set<String> MATERIAL = Set.of("baseColor", "metallic", "roughness", "baseColorTexture");
    private static final Set<String> CAMERA = Set.of("fovDegrees", "near", "far", "ownerClientId");
    private static final Set<String> CAMERA_REQUIRED = Set.of("fovDegrees", "near", "far");
    private static final Set<String> LIGHT = Set.of(
            "type", "color", "intensity", "range", "innerConeDegrees", "outerConeDegrees");
    private static final Set<String> LIGHT_REQUIRED = Set.of("type", "color", "intensity");

    private ComponentsReader() {
    }

    static Components read(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, COMPONENTS, Set.of());
        Components.Builder builder = Components.newBuilder();
        field(object, path, "name", (n, p) -> StrictJson.string(n, p, 0, ComponentsJson.MAX_NAME_LENGTH),
                builder::setName);
        field(object, path, "transform", ComponentsReader::transform, builder::setTransform);
        field(object, path, "parent", StrictJson::uuid, builder::setParent);
        field(object, path, "mesh", ComponentsReader::mesh, builder::setMesh);
        field(object, path, "material", ComponentsReader::material, builder::setMaterial);
        field(object, path, "camera", ComponentsReader::camera, builder::setCamera);
        field(object, path, "light", ComponentsReader::light, builder::setLight);
        field(object, path, "tags", (n, p) -> StrictJson.stringList(n, p, ComponentsJson.MAX_TAGS, 1,
                ComponentsJson.MAX_TAG_LENGTH), builder::setTags);
        field(object, path, "visible", StrictJson::bool, builder::setVisible);
        Components components = builder.build();
        // A safety net, not the expected path: if the pipeline's rules ever grow past the checks above, the
        // client still gets a 400 naming the components rather than a 422 after a round trip through Kafka.
        ComponentRules.checkFull(components).ifPresent(problem -> {
            throw new JsonFieldException(path, "the components in " + StrictJson.label(path) + " are invalid: "
                    + problem);
        });
        return components;
    }

    /** Reads an optional field and hands it to the builder; absent and JSON null both leave it unset. */
    private static <T> void field(ObjectNode object, String path, String name, BiFunction<JsonNode, String, T> reader,
            Consumer<T> setter) {
        StrictJson.optional(object.get(name), child(path, name), reader).ifPresent(setter);
    }

    private static Transform transform(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, TRANSFORM, TRANSFORM);
        return new Transform(
                vec3(object.get("position"), child(path, "position")),
                quat(object.get("rotation"), child(path, "rotation")),
                vec3(object.get("scale"), child(path, "scale")));
    }

    private static Vec3 vec3(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, VEC3, VEC3);
        return new Vec3(
                StrictJson.doubleValue(object.get("x"), child(path, "x")),
                StrictJson.doubleValue(object.get("y"), child(path, "y")),
                StrictJson.doubleValue(object.get("z"), child(path, "z")));
    }

    private static Quat quat(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, QUAT, QUAT);
        double x = StrictJson.doubleValue(object.get("x"), child(path, "x"));
        double y = StrictJson.doubleValue(object.get("y"), child(path, "y"));
        double z = StrictJson.doubleValue(object.get("z"), child(path, "z"));
        double w = StrictJson.doubleValue(object.get("w"), child(path, "w"));
        if (Math.sqrt(x * x + y * y + z * z + w * w) < MIN_QUATERNION_LENGTH) {
            throw new JsonFieldException(path, StrictJson.label(path)
                    + " must be a rotation quaternion of non-zero length; the identity is "
                    + "{\"x\": 0, \"y\": 0, \"z\": 0, \"w\": 1}");
        }
        return new Quat(x, y, z, w);
    }

    private static Color color(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, COLOR, COLOR_REQUIRED);
        return new Color(
                StrictJson.floatValue(object.get("r"), child(path, "r"), UNIT),
                StrictJson.floatValue(object.get("g"), child(path, "g"), UNIT),
                StrictJson.floatValue(object.get("b"), child(path, "b"), UNIT),
                floatOr(object, path, "a", UNIT, 1.0f));
    }

    private static AssetRef assetRef(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, ASSET_REF, Set.of("sha256"));
        JsonNode sha256 = object.get("sha256");
        if (!sha256.isTextual() || !SHA256.matcher(sha256.textValue()).matches()) {
            throw StrictJson.mismatch(sha256, child(path, "sha256"), "a SHA-256 of 64 lower-case hex digits");
        }
        return new AssetRef(sha256.textValue(), StrictJson.optionalUuid(object.get("assetId"), child(path, "assetId"))
                .orElse(null));
    }

    private static MeshRef mesh(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, MESH, Set.of());
        PrimitiveShape primitive = StrictJson.optional(object.get("primitive"), child(path, "primitive"),
                (n, p) -> StrictJson.enumValue(n, p, PrimitiveShape.class, false)).orElse(null);
        AssetRef asset = StrictJson.optional(object.get("asset"), child(path, "asset"), ComponentsReader::assetRef)
                .orElse(null);
        if ((primitive == null) == (asset == null)) {
            throw new JsonFieldException(path, StrictJson.label(path)
                    + " must have exactly one of \"primitive\" or \"asset\", got "
                    + (primitive == null ? "neither" : "both"));
        }
        return new MeshRef(asset, primitive);
    }

    private static Material material(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, MATERIAL, Set.of("baseColor"));
        return new Material(
                color(object.get("baseColor"), child(path, "baseColor")),
                floatOr(object, path, "metallic", UNIT, 0.0f),
                floatOr(object, path, "roughness", UNIT, 0.5f),
                StrictJson.optional(object.get("baseColorTexture"), child(path, "baseColorTexture"),
                        ComponentsReader::assetRef).orElse(null));
    }

    private static Camera camera(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, CAMERA, CAMERA_REQUIRED);
        float fov = StrictJson.floatValue(object.get("fovDegrees"), child(path, "fovDegrees"), FIELD_OF_VIEW);
        float near = StrictJson.floatValue(object.get("near"), child(path, "near"), POSITIVE);
        float far = StrictJson.floatValue(object.get("far"), child(path, "far"));
        if (!(far > near)) {
            throw StrictJson.mismatch(object.get("far"), child(path, "far"),
                    "greater than near (" + NumberRange.format(near) + ")");
        }
        String owner = StrictJson.optionalString(object.get("ownerClientId"), child(path, "ownerClientId"), 1,
                ComponentsJson.MAX_CLIENT_ID_LENGTH).orElse(null);
        return new Camera(fov, near, far, owner);
    }

    private static Light light(JsonNode node, String path) {
        ObjectNode object = StrictJson.object(node, path, LIGHT, LIGHT_REQUIRED);
        LightType type = StrictJson.enumValue(object.get("type"), child(path, "type"), LightType.class, false);
        Color color = color(object.get("color"), child(path, "color"));
        float intensity = StrictJson.floatValue(object.get("intensity"), child(path, "intensity"), NON_NEGATIVE);
        Float range = StrictJson.optional(object.get("range"), child(path, "range"),
                (n, p) -> StrictJson.floatValue(n, p, POSITIVE)).orElse(null);
        // The cone only matters for a spot light, and the pipeline checks it only there: a point light keeps
        // whatever cone it was given, so reading back and writing again an accepted light never fails.
        boolean spot = type == LightType.SPOT;
        float inner = floatOr(object, path, "innerConeDegrees", spot ? INNER_CONE : null, 0.0f);
        float outer = floatOr(object, path, "outerConeDegrees", spot ? OUTER_CONE : null, 45.0f);
        if (spot && !(inner < outer)) {
            throw new JsonFieldException(child(path, "innerConeDegrees"), child(path, "innerConeDegrees")
                    + " must be less than outerConeDegrees (" + NumberRange.format(outer) + "), got "
                    + NumberRange.format(inner));
        }
        return new Light(type, color, intensity, range, inner, outer);
    }

    /** An optional float field with the schema's default; {@code range} null checks only that it is finite. */
    private static float floatOr(ObjectNode object, String path, String name, NumberRange range, float fallback) {
        JsonNode node = object.get(name);
        if (StrictJson.isAbsent(node)) {
            return fallback;
        }
        return range == null ? StrictJson.floatValue(node, child(path, name))
                : StrictJson.floatValue(node, child(path, name), range);
    }
}
