package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The accessors of a document, checked when first used, and reading their elements as floats or vertex indices.
 * Sparse accessors are refused: stored assets do not use them for geometry and supporting them is not worth the
 * risk.
 */
final class Accessors {

    private final List<JsonNode> accessors;
    private final BufferViews views;
    private final long maxBytes;
    private final Map<Integer, Accessor> checked = new HashMap<>();

    Accessors(JsonNode root, BufferViews views, long maxBytes) {
        this.accessors = Json.objects(root, "accessors", "document");
        this.views = views;
        this.maxBytes = maxBytes;
    }

    int count() {
        return accessors.size();
    }

    Accessor get(int index) {
        Accessor accessor = checked.get(index);
        if (accessor == null) {
            accessor = check(index);
            checked.put(index, accessor);
        }
        return accessor;
    }

    private Accessor check(int index) {
        String where = "accessor " + index;
        JsonNode json = accessors.get(index);
        if (json.has("sparse")) {
            throw InvalidGltfException.at(where, "is sparse, which this renderer does not support");
        }
        int componentType = (int) Json.requiredInteger(json, "componentType", where, 0, Integer.MAX_VALUE);
        int componentSize = Accessor.componentSize(componentType);
        if (componentSize == 0) {
            throw InvalidGltfException.at(where, "componentType " + componentType + " is none of 5120, 5121, 5122,"
                    + " 5123, 5125, 5126");
        }
        String type = Json.text(json, "type", where).orElseThrow(() -> InvalidGltfException.at(where, "has no type"));
        if (Accessor.components(type) == 0) {
            throw InvalidGltfException.at(where, "type '" + type + "' is none of SCALAR, VEC2, VEC3, VEC4, MAT2,"
                    + " MAT3, MAT4");
        }
        int count = (int) Json.requiredInteger(json, "count", where, 1, Integer.MAX_VALUE);
        boolean normalized = json.path("normalized").asBoolean(false);
        int offset = (int) Json.integer(json, "byteOffset", where, 0, Integer.MAX_VALUE, 0);
        int element = Accessor.elementSize(type, componentType);
        if ((long) count * element > maxBytes) {
            throw InvalidGltfException.at(where, count + " elements of " + element + " bytes exceed the budget of "
                    + maxBytes + " bytes");
        }
        OptionalInt viewIndex = Json.reference(json, "bufferView", where, views.count(), "bufferView");
        if (viewIndex.isEmpty()) {
            if (offset != 0) {
                throw InvalidGltfException.at(where, "has a byteOffset but no bufferView");
            }
            return new Accessor(index, Optional.empty(), 0, componentType, normalized, type, count, element);
        }
        BufferViews.View view = views.view(viewIndex.getAsInt());
        int stride = view.stride() > 0 ? view.stride() : element;
        if (stride < element) {
            throw InvalidGltfException.at(where, "elements of " + element + " bytes do not fit the byteStride "
                    + stride + " of bufferView " + view.index());
        }
        if (offset % componentSize != 0) {
            throw InvalidGltfException.at(where, "byteOffset " + offset + " is not a multiple of the component size "
                    + componentSize);
        }
        long end = offset + (long) (count - 1) * stride + element;
        if (end > view.bytes().limit()) {
            throw InvalidGltfException.at(where, "reads past bufferView " + view.index() + ": its " + count
                    + " elements end at byte " + end + " of " + view.bytes().limit());
        }
        return new Accessor(index, Optional.of(view), offset, componentType, normalized, type, count, stride);
    }

    /**
     * The elements as floats, components packed: integer components converted as the glTF specification says for
     * normalized ones, or as plain numbers otherwise. Fails on a value that is not finite.
     */
    static float[] floats(Accessor accessor) {
        int components = accessor.components();
        float[] values = new float[accessor.count() * components];
        if (accessor.view().isEmpty()) {
            return values;
        }
        ByteBuffer bytes = accessor.view().get().bytes();
        int size = Accessor.componentSize(accessor.componentType());
        for (int i = 0; i < accessor.count(); i++) {
            int base = accessor.offset() + i * accessor.stride();
            for (int c = 0; c < components; c++) {
                float value = component(bytes, base + c * size, accessor.componentType(), accessor.normalized());
                if (!Float.isFinite(value)) {
                    throw InvalidGltfException.at("accessor " + accessor.index(), "element " + i + " holds "
                            + value + ", not a finite number");
                }
                values[i * components + c] = value;
            }
        }
        return values;
    }

    /** The elements of an index accessor (SCALAR of an unsigned type), each checked to be below vertexCount. */
    static int[] indices(Accessor accessor, int vertexCount) {
        int[] values = new int[accessor.count()];
        if (accessor.view().isEmpty()) {
            return values;
        }
        ByteBuffer bytes = accessor.view().get().bytes();
        for (int i = 0; i < values.length; i++) {
            int at = accessor.offset() + i * accessor.stride();
            long value = switch (accessor.componentType()) {
                case Accessor.UNSIGNED_BYTE -> Byte.toUnsignedLong(bytes.get(at));
                case Accessor.UNSIGNED_SHORT -> Short.toUnsignedLong(bytes.getShort(at));
                default -> Integer.toUnsignedLong(bytes.getInt(at));
            };
            if (value >= vertexCount) {
                throw InvalidGltfException.at("accessor " + accessor.index(), "index " + value + " at element " + i
                        + " names a vertex past the last one (" + (vertexCount - 1) + ")");
            }
            values[i] = (int) value;
        }
        return values;
    }

    private static float component(ByteBuffer bytes, int at, int componentType, boolean normalized) {
        return switch (componentType) {
            case Accessor.FLOAT -> bytes.getFloat(at);
            case Accessor.BYTE -> normalized ? Math.max(bytes.get(at) / 127f, -1f) : bytes.get(at);
            case Accessor.UNSIGNED_BYTE -> normalized ? (bytes.get(at) & 0xff) / 255f : bytes.get(at) & 0xff;
            case Accessor.SHORT -> normalized ? Math.max(bytes.getShort(at) / 32767f, -1f) : bytes.getShort(at);
            case Accessor.UNSIGNED_SHORT -> normalized ? (bytes.getShort(at) & 0xffff) / 65535f
                    : bytes.getShort(at) & 0xffff;
            default -> normalized ? Integer.toUnsignedLong(bytes.getInt(at)) / 4294967295f
                    : Integer.toUnsignedLong(bytes.getInt(at));
        };
    }
}
