package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The top-level arrays of a glTF, each checked to be an array of objects, so every later check can take sizes and
 * elements for granted. Pointers of elements are {@code /<name>/<index>}.
 */
record GltfDocument(JsonNode root, List<JsonNode> buffers, List<JsonNode> bufferViews, List<JsonNode> accessors,
        List<JsonNode> images, List<JsonNode> textures, List<JsonNode> samplers, List<JsonNode> materials,
        List<JsonNode> meshes, List<JsonNode> nodes, List<JsonNode> scenes, List<JsonNode> skins,
        List<JsonNode> cameras, List<JsonNode> animations) {

    static GltfDocument of(JsonNode root) {
        return new GltfDocument(root, list(root, "buffers"), list(root, "bufferViews"), list(root, "accessors"),
                list(root, "images"), list(root, "textures"), list(root, "samplers"), list(root, "materials"),
                list(root, "meshes"), list(root, "nodes"), list(root, "scenes"), list(root, "skins"),
                list(root, "cameras"), list(root, "animations"));
    }

    private static List<JsonNode> list(JsonNode root, String name) {
        return Json.objects(root, name, "");
    }

    /** The pointer of an element of a top-level array. */
    static String at(String array, int index) {
        return "/" + array + "/" + index;
    }
}
