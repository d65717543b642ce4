package io.scenelog.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The REST bodies of the demo scene's entities (POST /scenes/{id}/entities). */
final class DemoEntities {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoEntities() {
    }

    /** A primitive shape standing on the ground, with a metallic-roughness material. */
    static ObjectNode shape(String name, String primitive, double x, double y, double z, double r, double g, double b,
            double metallic, double roughness) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode components = body.putObject("components");
        components.put("name", name);
        transform(components, x, y, z, 0.0, 0.0, 0.0, 1.0);
        components.putObject("mesh").put("primitive", primitive);
        ObjectNode material = components.putObject("material");
        material.putObject("baseColor").put("r", r).put("g", g).put("b", b).put("a", 1.0);
        material.put("metallic", metallic).put("roughness", roughness);
        return body;
    }

    /** A directional light from above and the side (rotated about x then y so that it slants across the scene). */
    static ObjectNode sun() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode components = body.putObject("components");
        components.put("name", "Sun");
        // -55 degrees about x, then 30 about y: the light's -z axis points down and away from the default camera
        transform(components, 0.0, 5.0, 0.0, -0.446, 0.2296, 0.1195, 0.8568);
        light(components, "DIRECTIONAL", 1.0, 0.96, 0.9, 3.0);
        return body;
    }

    /** A warm point light. */
    static ObjectNode lamp(double x, double y, double z) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode components = body.putObject("components");
        components.put("name", "Lamp");
        transform(components, x, y, z, 0.0, 0.0, 0.0, 1.0);
        light(components, "POINT", 1.0, 0.8, 0.6, 15.0).put("range", 12.0);
        return body;
    }

    private static void transform(ObjectNode components, double x, double y, double z, double qx, double qy,
            double qz, double qw) {
        ObjectNode transform = components.putObject("transform");
        transform.putObject("position").put("x", x).put("y", y).put("z", z);
        transform.putObject("rotation").put("x", qx).put("y", qy).put("z", qz).put("w", qw);
        transform.putObject("scale").put("x", 1.0).put("y", 1.0).put("z", 1.0);
    }

    private static ObjectNode light(ObjectNode components, String type, double r, double g, double b,
            double intensity) {
        ObjectNode light = components.putObject("light");
        light.put("type", type);
        light.putObject("color").put("r", r).put("g", g).put("b", b).put("a", 1.0);
        light.put("intensity", intensity).put("innerConeDegrees", 0.0).put("outerConeDegrees", 45.0);
        return light;
    }
}
