package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Quaternionf;

/**
 * Walks the default scene's node hierarchy and yields every mesh instance with its transform in the model's space.
 * The hierarchy must be a tree: a node reached twice (a cycle, or two parents) is refused, so the walk always ends.
 */
final class NodeTree {

    /** A mesh drawn at a place. */
    record MeshInstance(int node, int mesh, Matrix4fc transform) {
    }

    private NodeTree() {
    }

    static List<MeshInstance> meshInstances(JsonNode root, int meshCount) {
        List<JsonNode> nodes = Json.objects(root, "nodes", "document");
        List<MeshInstance> instances = new ArrayList<>();
        BitSet visited = new BitSet(nodes.size());
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Matrix4f> parents = new ArrayDeque<>();
        for (int rootNode : sceneRoots(root, nodes)) {
            stack.push(rootNode);
            parents.push(new Matrix4f());
        }
        while (!stack.isEmpty()) {
            int index = stack.pop();
            Matrix4f parent = parents.pop();
            String where = "node " + index;
            if (visited.get(index)) {
                throw InvalidGltfException.at(where, "is reached twice in the default scene; the node hierarchy"
                        + " must be a tree");
            }
            visited.set(index);
            JsonNode node = nodes.get(index);
            Matrix4f transform = parent.mul(local(node, where), new Matrix4f());
            OptionalInt mesh = Json.reference(node, "mesh", where, meshCount, "mesh");
            if (mesh.isPresent()) {
                instances.add(new MeshInstance(index, mesh.getAsInt(), transform));
            }
            JsonNode children = node.path("children");
            if (!children.isMissingNode() && !children.isArray()) {
                throw InvalidGltfException.at(where, "children must be an array");
            }
            for (JsonNode child : children) {
                stack.push(Json.referenceValue(child, where + " children", nodes.size(), "node"));
                parents.push(transform);
            }
        }
        return instances;
    }

    /** The nodes of the default scene; without scenes, every node that is nobody's child. */
    private static List<Integer> sceneRoots(JsonNode root, List<JsonNode> nodes) {
        List<JsonNode> scenes = Json.objects(root, "scenes", "document");
        List<Integer> roots = new ArrayList<>();
        if (scenes.isEmpty()) {
            BitSet children = new BitSet(nodes.size());
            for (JsonNode node : nodes) {
                for (JsonNode child : node.path("children")) {
                    if (child.canConvertToInt()) {
                        children.set(Math.max(child.asInt(), 0));
                    }
                }
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (!children.get(i)) {
                    roots.add(i);
                }
            }
            return roots;
        }
        int scene = Json.reference(root, "scene", "document", scenes.size(), "scene").orElse(0);
        JsonNode sceneNodes = scenes.get(scene).path("nodes");
        if (!sceneNodes.isMissingNode() && !sceneNodes.isArray()) {
            throw InvalidGltfException.at("scene " + scene, "nodes must be an array");
        }
        for (JsonNode node : sceneNodes) {
            roots.add(Json.referenceValue(node, "scene " + scene + " nodes", nodes.size(), "node"));
        }
        return roots;
    }

    /** A node's own transform: its matrix (column-major), or translation × rotation × scale. */
    private static Matrix4f local(JsonNode node, String where) {
        float[] matrix = Json.numbers(node, "matrix", where, 16);
        boolean trs = node.has("translation") || node.has("rotation") || node.has("scale");
        if (matrix != null) {
            if (trs) {
                throw InvalidGltfException.at(where, "has both a matrix and translation, rotation or scale");
            }
            return new Matrix4f().set(matrix);
        }
        Matrix4f local = new Matrix4f();
        float[] translation = Json.numbers(node, "translation", where, 3);
        if (translation != null) {
            local.translate(translation[0], translation[1], translation[2]);
        }
        float[] rotation = Json.numbers(node, "rotation", where, 4);
        if (rotation != null) {
            Quaternionf quaternion = new Quaternionf(rotation[0], rotation[1], rotation[2], rotation[3]);
            if (!(quaternion.lengthSquared() > 1e-12f)) {
                throw InvalidGltfException.at(where, "rotation is a zero quaternion");
            }
            local.rotate(quaternion.normalize());
        }
        float[] scale = Json.numbers(node, "scale", where, 3);
        if (scale != null) {
            local.scale(scale[0], scale[1], scale[2]);
        }
        return local;
    }
}
