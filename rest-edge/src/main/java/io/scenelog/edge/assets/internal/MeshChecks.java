package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Mesh primitives refer to accessors that fit their use: attributes of one primitive agree on the vertex count,
 * POSITION is float VEC3, indices are unsigned SCALARs whose values name existing vertices (read from the data,
 * because a renderer indexes its vertex arrays with them). Also counts the triangles each mesh draws.
 */
final class MeshChecks {

    private static final int TRIANGLES = 4;
    private static final int TRIANGLE_STRIP = 5;
    private static final int TRIANGLE_FAN = 6;
    private static final int FLOAT = 5126;
    private static final Set<Integer> INDEX_TYPES = Set.of(5121, 5123, 5125);

    private final GltfDocument doc;
    private final List<AccessorChecks.Accessor> accessors;
    private final List<BufferChecks.View> views;
    private final Map<Integer, Long> largestIndex = new HashMap<>();

    private MeshChecks(GltfDocument doc, List<AccessorChecks.Accessor> accessors, List<BufferChecks.View> views) {
        this.doc = doc;
        this.accessors = accessors;
        this.views = views;
    }

    /** Checks every mesh and returns the triangles each one draws. */
    static long[] check(GltfDocument doc, List<AccessorChecks.Accessor> accessors, List<BufferChecks.View> views)
            throws IOException {
        MeshChecks checks = new MeshChecks(doc, accessors, views);
        long[] triangles = new long[doc.meshes().size()];
        for (int m = 0; m < triangles.length; m++) {
            String at = GltfDocument.at("meshes", m);
            JsonNode mesh = doc.meshes().get(m);
            if (!mesh.has("primitives")) {
                throw Json.missing(mesh, "primitives", at);
            }
            List<JsonNode> primitives = Json.objects(mesh, "primitives", at);
            if (primitives.isEmpty()) {
                throw Json.invalid(at + "/primitives", "must hold at least one primitive", mesh.get("primitives"));
            }
            for (int p = 0; p < primitives.size(); p++) {
                triangles[m] += checks.primitive(primitives.get(p), at + "/primitives/" + p);
            }
        }
        return triangles;
    }

    private long primitive(JsonNode primitive, String at) throws IOException {
        long vertices = attributes(primitive, at);
        OptionalInt indices = Json.reference(primitive, "indices", at, accessors.size(), "accessor");
        if (indices.isPresent()) {
            checkIndices(indices.getAsInt(), vertices, at + "/indices");
        }
        Json.reference(primitive, "material", at, doc.materials().size(), "material");
        int mode = (int) Json.integer(primitive, "mode", at, 0, 6).orElse(TRIANGLES);
        List<JsonNode> targets = Json.objects(primitive, "targets", at);
        for (int t = 0; t < targets.size(); t++) {
            String targetAt = at + "/targets/" + t;
            for (Iterator<Map.Entry<String, JsonNode>> it = targets.get(t).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Json.referenceValue(field.getValue(), Json.child(targetAt, field.getKey()), accessors.size(),
                        "accessor");
            }
        }
        long drawn = indices.isPresent() ? accessors.get(indices.getAsInt()).count() : vertices;
        return switch (mode) {
            case TRIANGLES -> drawn / 3;
            case TRIANGLE_STRIP, TRIANGLE_FAN -> Math.max(drawn - 2, 0);
            default -> 0;
        };
    }

    /** Checks the attributes and returns the primitive's vertex count. */
    private long attributes(JsonNode primitive, String at) {
        String attributesAt = at + "/attributes";
        JsonNode attributes = Json.requiredObject(primitive, "attributes", at);
        if (attributes.isEmpty()) {
            throw Json.invalid(attributesAt, "must name at least one attribute", attributes);
        }
        long vertices = -1;
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldAt = Json.child(attributesAt, field.getKey());
            AccessorChecks.Accessor accessor = accessors.get(Json.referenceValue(field.getValue(), fieldAt,
                    accessors.size(), "accessor"));
            if (first == null) {
                first = field.getKey();
                vertices = accessor.count();
            } else if (accessor.count() != vertices) {
                throw Rule.ATTRIBUTE_COUNT_MISMATCH.at(fieldAt, "Attribute " + field.getKey() + " has "
                        + accessor.count() + " elements but " + first + " has " + vertices + "; all attributes of a"
                        + " primitive need the same count (at " + fieldAt + ").");
            }
            if (field.getKey().equals("POSITION")
                    && (!accessor.type().equals("VEC3") || accessor.componentType() != FLOAT)) {
                throw Rule.ACCESSOR_TYPE_MISMATCH.at(fieldAt, "POSITION must use a float VEC3 accessor, but its"
                        + " accessor is " + accessor.type() + " of componentType " + accessor.componentType()
                        + " (at " + fieldAt + ").");
            }
        }
        return vertices;
    }

    private void checkIndices(int index, long vertices, String at) throws IOException {
        AccessorChecks.Accessor accessor = accessors.get(index);
        int size = accessor.componentSize();
        if (!accessor.type().equals("SCALAR") || !INDEX_TYPES.contains(accessor.componentType())) {
            throw Rule.ACCESSOR_TYPE_MISMATCH.at(at, "Indices must use a SCALAR accessor of unsigned byte, short or"
                    + " int (5121, 5123, 5125), but accessor " + index + " is " + accessor.type() + " of"
                    + " componentType " + accessor.componentType() + " (at " + at + ").");
        }
        Long largest = largestIndex.get(index);
        if (largest == null) {
            largest = largest(accessor, size);
            largestIndex.put(index, largest);
        }
        if (largest >= vertices) {
            throw Rule.INDEX_VALUE_OUT_OF_RANGE.at(at, "Accessor " + index + " holds the vertex index " + largest
                    + ", but the primitive has only " + vertices + " vertices (at " + at + ").");
        }
    }

    private long largest(AccessorChecks.Accessor accessor, int size) throws IOException {
        long[] largest = {0};
        if (accessor.view().isPresent()) {
            BufferChecks.View view = views.get(accessor.view().getAsInt());
            BinarySource data = view.source().slice(accessor.offset(), view.length() - accessor.offset());
            ElementReader.forEach(data, size, accessor.stride(), accessor.count(),
                    (k, value) -> largest[0] = Math.max(largest[0], value));
        }
        if (accessor.sparse().isPresent()) {
            AccessorChecks.Sparse sparse = accessor.sparse().get();
            BinarySource values = views.get(sparse.view()).source().slice(sparse.offset(), sparse.count() * size);
            ElementReader.forEach(values, size, size, sparse.count(),
                    (k, value) -> largest[0] = Math.max(largest[0], value));
        }
        return largest[0];
    }
}
