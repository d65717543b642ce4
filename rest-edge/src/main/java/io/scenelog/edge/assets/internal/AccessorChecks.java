package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Accessors read only inside their bufferView: the last element ends at
 * {@code byteOffset + (count - 1) * stride + elementSize}, and sparse indices and values fit their bufferViews too.
 * Sparse indices are read, because a renderer writes through them.
 */
final class AccessorChecks {

    private static final Map<Integer, Integer> COMPONENT_SIZES = Map.of(5120, 1, 5121, 1, 5122, 2, 5123, 2,
            5125, 4, 5126, 4);
    private static final Map<String, int[]> SHAPES = Map.of("SCALAR", new int[] {1, 1}, "VEC2", new int[] {2, 1},
            "VEC3", new int[] {3, 1}, "VEC4", new int[] {4, 1}, "MAT2", new int[] {2, 2}, "MAT3", new int[] {3, 3},
            "MAT4", new int[] {4, 4});
    private static final Map<Integer, Integer> INDEX_SIZES = Map.of(5121, 1, 5123, 2, 5125, 4);

    /** Sparse values that replace elements of an accessor. */
    record Sparse(long count, int view, long offset) {
    }

    /** A checked accessor. */
    record Accessor(OptionalInt view, long offset, int componentType, String type, long count, int stride,
            Optional<Sparse> sparse) {

        int componentSize() {
            return COMPONENT_SIZES.get(componentType);
        }
    }

    private AccessorChecks() {
    }

    static List<Accessor> check(GltfDocument doc, List<BufferChecks.View> views) throws IOException {
        List<Accessor> accessors = new ArrayList<>();
        for (int i = 0; i < doc.accessors().size(); i++) {
            accessors.add(check(i, doc.accessors().get(i), views));
        }
        return accessors;
    }

    private static Accessor check(int i, JsonNode accessor, List<BufferChecks.View> views) throws IOException {
        String at = GltfDocument.at("accessors", i);
        OptionalInt view = Json.reference(accessor, "bufferView", at, views.size(), "bufferView");
        long offset = Json.integer(accessor, "byteOffset", at, 0, BufferChecks.MAX_BYTES).orElse(0);
        int componentType = (int) Json.requiredInteger(accessor, "componentType", at, 0, Integer.MAX_VALUE);
        Integer componentSize = COMPONENT_SIZES.get(componentType);
        if (componentSize == null) {
            throw Json.invalid(Json.child(at, "componentType"), "must be one of 5120, 5121, 5122, 5123, 5125, 5126",
                    accessor.get("componentType"));
        }
        long count = Json.requiredInteger(accessor, "count", at, 1, Integer.MAX_VALUE);
        String type = Json.text(accessor, "type", at).orElseThrow(() -> Json.missing(accessor, "type", at));
        if (!SHAPES.containsKey(type)) {
            throw Json.invalid(Json.child(at, "type"), "must be one of SCALAR, VEC2, VEC3, VEC4, MAT2, MAT3, MAT4",
                    accessor.get("type"));
        }
        int element = elementSize(type, componentSize);
        int stride = element;
        if (view.isPresent()) {
            BufferChecks.View target = views.get(view.getAsInt());
            stride = target.stride() > 0 ? target.stride() : element;
            if (stride < element) {
                throw Rule.ACCESSOR_MISALIGNED.at(at, "Accessor " + i + " has " + element + "-byte elements but its"
                        + " bufferView " + view.getAsInt() + " has a byteStride of only " + stride + " (at " + at
                        + ").");
            }
            if (offset % componentSize != 0 || (target.offset() + offset) % componentSize != 0) {
                throw Rule.ACCESSOR_MISALIGNED.at(at, "Accessor " + i + " starts at a byte offset that is not a"
                        + " multiple of its component size " + componentSize + " (at " + at + ").");
            }
            long end = offset + (count - 1) * stride + element;
            if (end > target.length()) {
                throw Rule.ACCESSOR_OUT_OF_BOUNDS.at(at, "Accessor " + i + " reads bytes " + offset + " to " + end
                        + " of bufferView " + view.getAsInt() + ", which holds only " + target.length() + " bytes"
                        + " (at " + at + ").");
            }
        }
        JsonNode sparse = Json.object(accessor, "sparse", at);
        Optional<Sparse> values = sparse == null ? Optional.empty()
                : Optional.of(checkSparse(i, sparse, at + "/sparse", count, element, views));
        return new Accessor(view, offset, componentType, type, count, stride, values);
    }

    private static Sparse checkSparse(int i, JsonNode sparse, String at, long count, int element,
            List<BufferChecks.View> views) throws IOException {
        long sparseCount = Json.requiredInteger(sparse, "count", at, 1, count);
        String indicesAt = at + "/indices";
        JsonNode indices = Json.requiredObject(sparse, "indices", at);
        int indicesView = Json.requiredReference(indices, "bufferView", indicesAt, views.size(), "bufferView");
        long indicesOffset = Json.integer(indices, "byteOffset", indicesAt, 0, BufferChecks.MAX_BYTES).orElse(0);
        int indexType = (int) Json.requiredInteger(indices, "componentType", indicesAt, 0, Integer.MAX_VALUE);
        Integer indexSize = INDEX_SIZES.get(indexType);
        if (indexSize == null) {
            throw Json.invalid(Json.child(indicesAt, "componentType"), "must be 5121, 5123 or 5125",
                    indices.get("componentType"));
        }
        within(i, indicesAt, indicesOffset, sparseCount * indexSize, indicesView, views);
        long[] previous = {-1};
        BinarySource source = views.get(indicesView).source().slice(indicesOffset, sparseCount * indexSize);
        ElementReader.forEach(source, indexSize, indexSize, sparseCount, (k, value) -> {
            if (value >= count || value <= previous[0]) {
                throw Rule.INDEX_VALUE_OUT_OF_RANGE.at(indicesAt, "Sparse index " + k + " of accessor " + i + " is "
                        + value + "; sparse indices must increase and stay below the accessor's count " + count
                        + " (at " + indicesAt + ").");
            }
            previous[0] = value;
        });
        String valuesAt = at + "/values";
        JsonNode values = Json.requiredObject(sparse, "values", at);
        int valuesView = Json.requiredReference(values, "bufferView", valuesAt, views.size(), "bufferView");
        long valuesOffset = Json.integer(values, "byteOffset", valuesAt, 0, BufferChecks.MAX_BYTES).orElse(0);
        within(i, valuesAt, valuesOffset, sparseCount * element, valuesView, views);
        return new Sparse(sparseCount, valuesView, valuesOffset);
    }

    private static void within(int i, String at, long offset, long length, int view, List<BufferChecks.View> views) {
        long available = views.get(view).length();
        if (offset + length > available) {
            throw Rule.ACCESSOR_OUT_OF_BOUNDS.at(at, "The sparse part of accessor " + i + " reads bytes " + offset
                    + " to " + (offset + length) + " of bufferView " + view + ", which holds only " + available
                    + " bytes (at " + at + ").");
        }
    }

    /** Bytes of one element; matrix columns start on 4-byte boundaries, as the glTF spec lays them out. */
    static int elementSize(String type, int componentSize) {
        int[] shape = SHAPES.get(type);
        int rows = shape[0];
        int columns = shape[1];
        if (columns == 1) {
            return rows * componentSize;
        }
        int column = rows * componentSize;
        return columns * ((column + 3) / 4 * 4);
    }
}
