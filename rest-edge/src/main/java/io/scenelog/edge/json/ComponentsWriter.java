package io.scenelog.edge.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.AssetRef;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.Components;
import io.scenelog.model.Light;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;

/**
 * Writes {@link Components} in the JSON form {@link ComponentsReader} reads, so that what a client GETs it can PUT
 * back unchanged. Floats are written as floats ({@code 0.1}, not {@code 0.10000000149011612}).
 */
final class ComponentsWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ComponentsWriter() {
    }

    static ObjectNode write(Components components) {
        ObjectNode out = NODES.objectNode();
        if (components.getName() != null) {
            out.put("name", components.getName());
        }
        if (components.getTransform() != null) {
            out.set("transform", transform(components.getTransform()));
        }
        if (components.getParent() != null) {
            out.put("parent", components.getParent().toString());
        }
        if (components.getMesh() != null) {
            out.set("mesh", mesh(components.getMesh()));
        }
        if (components.getMaterial() != null) {
            out.set("material", material(components.getMaterial()));
        }
        if (components.getCamera() != null) {
            out.set("camera", camera(components.getCamera()));
        }
        if (components.getLight() != null) {
            out.set("light", light(components.getLight()));
        }
        if (components.getTags() != null) {
            ArrayNode tags = out.putArray("tags");
            components.getTags().forEach(tags::add);
        }
        if (components.getVisible() != null) {
            out.put("visible", components.getVisible());
        }
        return out;
    }

    private static ObjectNode transform(Transform transform) {
        ObjectNode out = NODES.objectNode();
        out.set("position", vec3(transform.getPosition()));
        out.set("rotation", quat(transform.getRotation()));
        out.set("scale", vec3(transform.getScale()));
        return out;
    }

    private static ObjectNode vec3(Vec3 vector) {
        return NODES.objectNode().put("x", vector.getX()).put("y", vector.getY()).put("z", vector.getZ());
    }

    private static ObjectNode quat(Quat rotation) {
        return NODES.objectNode().put("x", rotation.getX()).put("y", rotation.getY()).put("z", rotation.getZ())
                .put("w", rotation.getW());
    }

    private static ObjectNode color(Color color) {
        return NODES.objectNode().put("r", color.getR()).put("g", color.getG()).put("b", color.getB())
                .put("a", color.getA());
    }

    private static ObjectNode assetRef(AssetRef asset) {
        ObjectNode out = NODES.objectNode().put("sha256", asset.getSha256());
        if (asset.getAssetId() != null) {
            out.put("assetId", asset.getAssetId().toString());
        }
        return out;
    }

    /** Both sources are written when a record holds both, so that bad data shows rather than half of it. */
    private static ObjectNode mesh(MeshRef mesh) {
        ObjectNode out = NODES.objectNode();
        if (mesh.getPrimitive() != null) {
            out.put("primitive", mesh.getPrimitive().name());
        }
        if (mesh.getAsset() != null) {
            out.set("asset", assetRef(mesh.getAsset()));
        }
        return out;
    }

    private static ObjectNode material(Material material) {
        ObjectNode out = NODES.objectNode();
        out.set("baseColor", color(material.getBaseColor()));
        out.put("metallic", material.getMetallic());
        out.put("roughness", material.getRoughness());
        if (material.getBaseColorTexture() != null) {
            out.set("baseColorTexture", assetRef(material.getBaseColorTexture()));
        }
        return out;
    }

    private static ObjectNode camera(Camera camera) {
        ObjectNode out = NODES.objectNode()
                .put("fovDegrees", camera.getFovDegrees())
                .put("near", camera.getNear())
                .put("far", camera.getFar());
        if (camera.getOwnerClientId() != null) {
            out.put("ownerClientId", camera.getOwnerClientId());
        }
        return out;
    }

    private static ObjectNode light(Light light) {
        ObjectNode out = NODES.objectNode().put("type", light.getType().name());
        out.set("color", color(light.getColor()));
        out.put("intensity", light.getIntensity());
        if (light.getRange() != null) {
            out.put("range", light.getRange());
        }
        out.put("innerConeDegrees", light.getInnerConeDegrees());
        out.put("outerConeDegrees", light.getOuterConeDegrees());
        return out;
    }
}
