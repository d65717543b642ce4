package io.scenelog.renderer.models.gltf.internal;

import java.util.Optional;

/**
 * A checked accessor: every element it names lies inside its bufferView.
 *
 * @param index         its index in the document
 * @param view          the view it reads, empty for an accessor of zeros
 * @param offset        its byteOffset inside the view
 * @param componentType the glTF component type (5120..5126)
 * @param normalized    whether integer components map to 0..1 (or -1..1)
 * @param type          SCALAR, VEC2, VEC3, VEC4, MAT2, MAT3 or MAT4
 * @param count         the number of elements, at least 1
 * @param stride        bytes from one element to the next
 */
record Accessor(int index, Optional<BufferViews.View> view, int offset, int componentType, boolean normalized,
        String type, int count, int stride) {

    static final int BYTE = 5120;
    static final int UNSIGNED_BYTE = 5121;
    static final int SHORT = 5122;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int FLOAT = 5126;

    /** Components per element. */
    int components() {
        return components(type);
    }

    static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4", "MAT2" -> 4;
            case "MAT3" -> 9;
            case "MAT4" -> 16;
            default -> 0;
        };
    }

    static int componentSize(int componentType) {
        return switch (componentType) {
            case BYTE, UNSIGNED_BYTE -> 1;
            case SHORT, UNSIGNED_SHORT -> 2;
            case UNSIGNED_INT, FLOAT -> 4;
            default -> 0;
        };
    }

    /** Bytes of one element: matrix columns of 1- and 2-byte components start on 4-byte boundaries. */
    static int elementSize(String type, int componentType) {
        int size = componentSize(componentType);
        if (type.startsWith("MAT") && size < 4) {
            int rows = type.charAt(3) - '0';
            return rows * ((rows * size + 3) / 4 * 4);
        }
        return components(type) * size;
    }

    /** "accessor 3 (VEC2 of componentType 5126)", for messages. */
    String describe() {
        return "accessor " + index + " (" + type + " of componentType " + componentType
                + (normalized ? ", normalized" : "") + ")";
    }
}
