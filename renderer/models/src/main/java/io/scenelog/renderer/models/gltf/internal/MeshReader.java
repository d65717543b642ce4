package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the primitives of meshes against what a renderer needs (POSITION float VEC3, NORMAL float VEC3, TEXCOORD_0
 * VEC2 of float or normalized unsigned bytes or shorts, unsigned indices, whole triangles) without reading vertex
 * data yet, so the triangle budget is checked before any work. Points and lines are skipped with a logged reason.
 */
final class MeshReader {

    private static final Logger LOG = LoggerFactory.getLogger(MeshReader.class);
    private static final Set<Integer> INDEX_TYPES = Set.of(Accessor.UNSIGNED_BYTE, Accessor.UNSIGNED_SHORT,
            Accessor.UNSIGNED_INT);

    private final List<JsonNode> meshes;
    private final Accessors accessors;
    private final int materialCount;
    private final String modelKey;
    private final Map<Integer, List<MeshPrimitive>> checked = new HashMap<>();

    MeshReader(JsonNode root, Accessors accessors, int materialCount, String modelKey) {
        this.meshes = Json.objects(root, "meshes", "document");
        this.accessors = accessors;
        this.materialCount = materialCount;
        this.modelKey = modelKey;
    }

    int count() {
        return meshes.size();
    }

    /** The triangle primitives of a mesh. */
    List<MeshPrimitive> primitives(int mesh) {
        List<MeshPrimitive> primitives = checked.get(mesh);
        if (primitives == null) {
            primitives = check(mesh);
            checked.put(mesh, primitives);
        }
        return primitives;
    }

    private List<MeshPrimitive> check(int mesh) {
        List<JsonNode> json = Json.objects(meshes.get(mesh), "primitives", "mesh " + mesh);
        if (json.isEmpty()) {
            throw InvalidGltfException.at("mesh " + mesh, "has no primitives");
        }
        List<MeshPrimitive> primitives = new ArrayList<>();
        for (int p = 0; p < json.size(); p++) {
            String where = "mesh " + mesh + " primitive " + p;
            try {
                check(json.get(p), mesh, p, where).ifPresent(primitives::add);
            } catch (InvalidGltfException e) {
                throw new InvalidGltfException(where + ": " + e.getMessage(), e);
            }
        }
        return primitives;
    }

    private Optional<MeshPrimitive> check(JsonNode primitive, int mesh, int index, String where) {
        int mode = (int) Json.integer(primitive, "mode", "", 0, 6, MeshPrimitive.TRIANGLES);
        if (mode < MeshPrimitive.TRIANGLES) {
            LOG.info("Model {}: {} draws points or lines (mode {}), which the renderer does not draw; skipped.",
                    modelKey, where, mode);
            return Optional.empty();
        }
        JsonNode attributes = Json.object(primitive, "attributes", "")
                .orElseThrow(() -> new InvalidGltfException("has no attributes"));
        if (!attributes.has("POSITION")) {
            LOG.info("Model {}: {} has no POSITION attribute, so there is nothing to draw; skipped.", modelKey, where);
            return Optional.empty();
        }
        Accessor positions = attribute(attributes, "POSITION");
        requireFloat(positions, "POSITION", "VEC3");
        Optional<Accessor> normals = optionalAttribute(attributes, "NORMAL", positions);
        normals.ifPresent(normal -> requireFloat(normal, "NORMAL", "VEC3"));
        Optional<Accessor> uvs = optionalAttribute(attributes, "TEXCOORD_0", positions);
        uvs.ifPresent(MeshReader::requireTexCoord);
        OptionalInt indexAccessor = Json.reference(primitive, "indices", "", accessors.count(), "accessor");
        Optional<Accessor> indices = Optional.empty();
        if (indexAccessor.isPresent()) {
            Accessor accessor = accessors.get(indexAccessor.getAsInt());
            if (!accessor.type().equals("SCALAR") || !INDEX_TYPES.contains(accessor.componentType())
                    || accessor.normalized()) {
                throw new InvalidGltfException("indices need a SCALAR accessor of unsigned byte, short or int, but "
                        + accessor.describe() + " is not");
            }
            indices = Optional.of(accessor);
        }
        OptionalInt material = Json.reference(primitive, "material", "", materialCount, "material");
        long drawn = indices.map(Accessor::count).orElse(positions.count());
        if (mode == MeshPrimitive.TRIANGLES && drawn % 3 != 0) {
            throw new InvalidGltfException(drawn + (indices.isPresent() ? " indices" : " vertices")
                    + " do not make whole triangles");
        }
        long triangles = mode == MeshPrimitive.TRIANGLES ? drawn / 3 : Math.max(drawn - 2, 0);
        if (triangles == 0) {
            LOG.info("Model {}: {} draws no triangle; skipped.", modelKey, where);
            return Optional.empty();
        }
        return Optional.of(new MeshPrimitive(mesh, index, where, mode, positions, normals, uvs, indices, material,
                triangles));
    }

    private Accessor attribute(JsonNode attributes, String name) {
        int index = Json.referenceValue(attributes.get(name), "attribute " + name, accessors.count(), "accessor");
        return accessors.get(index);
    }

    private Optional<Accessor> optionalAttribute(JsonNode attributes, String name, Accessor positions) {
        if (!attributes.has(name)) {
            return Optional.empty();
        }
        Accessor accessor = attribute(attributes, name);
        if (accessor.count() != positions.count()) {
            throw new InvalidGltfException("attribute " + name + " has " + accessor.count() + " elements but POSITION"
                    + " has " + positions.count());
        }
        return Optional.of(accessor);
    }

    private static void requireFloat(Accessor accessor, String name, String type) {
        if (!accessor.type().equals(type) || accessor.componentType() != Accessor.FLOAT) {
            throw new InvalidGltfException(name + " needs a float " + type + " accessor, but " + accessor.describe()
                    + " is not");
        }
    }

    private static void requireTexCoord(Accessor accessor) {
        boolean normalizedUnsigned = accessor.normalized() && (accessor.componentType() == Accessor.UNSIGNED_BYTE
                || accessor.componentType() == Accessor.UNSIGNED_SHORT);
        if (!accessor.type().equals("VEC2") || !(accessor.componentType() == Accessor.FLOAT || normalizedUnsigned)) {
            throw new InvalidGltfException("TEXCOORD_0 needs a VEC2 accessor of floats or normalized unsigned bytes"
                    + " or shorts, but " + accessor.describe() + " is not");
        }
    }
}
