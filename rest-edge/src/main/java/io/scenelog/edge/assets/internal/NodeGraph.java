package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Nodes form strict trees, as glTF requires: at most one parent each, no cycles, scene roots that are nobody's
 * child. That is what keeps a walk of the default scene linear; a node shared by two parents would let a few
 * hundred bytes of JSON describe an exponential number of instances.
 */
final class NodeGraph {

    private final List<List<Integer>> children;
    private final int[] meshOf;
    private final List<List<Integer>> sceneRoots;
    private final OptionalInt defaultScene;

    private NodeGraph(List<List<Integer>> children, int[] meshOf, List<List<Integer>> sceneRoots,
            OptionalInt defaultScene) {
        this.children = children;
        this.meshOf = meshOf;
        this.sceneRoots = sceneRoots;
        this.defaultScene = defaultScene;
    }

    static NodeGraph check(GltfDocument doc) {
        int count = doc.nodes().size();
        List<List<Integer>> children = new ArrayList<>(count);
        int[] meshOf = new int[count];
        int[] parent = new int[count];
        Arrays.fill(parent, -1);
        for (int i = 0; i < count; i++) {
            JsonNode node = doc.nodes().get(i);
            String at = GltfDocument.at("nodes", i);
            meshOf[i] = Json.reference(node, "mesh", at, doc.meshes().size(), "mesh").orElse(-1);
            Json.reference(node, "camera", at, doc.cameras().size(), "camera");
            Json.reference(node, "skin", at, doc.skins().size(), "skin");
            List<Integer> own = Json.references(node, "children", at, count, "node");
            for (int c = 0; c < own.size(); c++) {
                int child = own.get(c);
                if (parent[child] >= 0) {
                    String where = at + "/children/" + c;
                    throw Rule.NODE_HIERARCHY.at(where, parent[child] == i
                            ? "Node " + child + " is listed twice among the children of node " + i + " (at " + where
                                    + ")."
                            : "Node " + child + " is a child of both node " + parent[child] + " and node " + i
                                    + "; a node may have only one parent (at " + where + ").");
                }
                parent[child] = i;
            }
            children.add(own);
        }
        requireAcyclic(children, parent);
        List<List<Integer>> roots = sceneRoots(doc, parent);
        OptionalInt scene = Json.reference(doc.root(), "scene", "", roots.size(), "scene");
        return new NodeGraph(children, meshOf, roots,
                scene.isPresent() || roots.isEmpty() ? scene : OptionalInt.of(0));
    }

    // With at most one parent each, a node is on a cycle exactly when climbing from the parentless nodes never
    // reaches it.
    private static void requireAcyclic(List<List<Integer>> children, int[] parent) {
        boolean[] reached = new boolean[parent.length];
        Deque<Integer> todo = new ArrayDeque<>();
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] < 0) {
                todo.push(i);
            }
        }
        while (!todo.isEmpty()) {
            int node = todo.pop();
            reached[node] = true;
            children.get(node).forEach(todo::push);
        }
        for (int i = 0; i < parent.length; i++) {
            if (!reached[i]) {
                String at = GltfDocument.at("nodes", i);
                throw Rule.NODE_CYCLE.at(at, "Node " + i + " is its own ancestor through its children; node"
                        + " hierarchies must be trees (at " + at + ").");
            }
        }
    }

    private static List<List<Integer>> sceneRoots(GltfDocument doc, int[] parent) {
        List<List<Integer>> scenes = new ArrayList<>();
        for (int s = 0; s < doc.scenes().size(); s++) {
            String at = GltfDocument.at("scenes", s);
            List<Integer> roots = Json.references(doc.scenes().get(s), "nodes", at, parent.length, "node");
            Set<Integer> seen = new HashSet<>();
            for (int r = 0; r < roots.size(); r++) {
                int root = roots.get(r);
                String where = at + "/nodes/" + r;
                if (!seen.add(root)) {
                    throw Rule.NODE_HIERARCHY.at(where, "Scene " + s + " lists node " + root + " twice (at " + where
                            + ").");
                }
                if (parent[root] >= 0) {
                    throw Rule.NODE_HIERARCHY.at(where, "Scene " + s + " lists node " + root + " as a root, but it"
                            + " is a child of node " + parent[root] + " (at " + where + ").");
                }
            }
            scenes.add(roots);
        }
        return scenes;
    }

    /** Triangles drawn by one instance of the default scene (the {@code scene} property, else scene 0). */
    long triangles(long[] trianglesPerMesh) {
        if (defaultScene.isEmpty()) {
            return 0;
        }
        long total = 0;
        Deque<Integer> todo = new ArrayDeque<>(sceneRoots.get(defaultScene.getAsInt()));
        while (!todo.isEmpty()) {
            int node = todo.pop();
            if (meshOf[node] >= 0) {
                total += trianglesPerMesh[meshOf[node]];
            }
            children.get(node).forEach(todo::push);
        }
        return total;
    }
}
