package io.scenelog.renderer.draw;

import java.util.Objects;

/**
 * Triangle geometry ready for upload: per-vertex positions, normals and texture coordinates, and indices (three per
 * triangle, counter-clockwise seen from the front). Immutable by contract: the arrays are not copied, so whoever
 * builds one hands the arrays over and never writes them again.
 *
 * @param key       identifies the geometry for the GPU's upload cache: equal keys mean equal data (e.g.
 *                  "primitive:CUBE", or "gltf:sha256:mesh:primitive")
 * @param positions x, y, z per vertex
 * @param normals   x, y, z per vertex, unit length
 * @param uvs       u, v per vertex (0,0 top-left of the texture)
 * @param indices   three vertex indices per triangle
 */
public record MeshData(String key, float[] positions, float[] normals, float[] uvs, int[] indices) {

    /** @throws IllegalArgumentException when the arrays do not describe whole vertices and triangles */
    public MeshData {
        Objects.requireNonNull(key, "key");
        if (positions.length == 0 || positions.length % 3 != 0) {
            throw new IllegalArgumentException(key + ": positions must hold x, y, z per vertex, got "
                    + positions.length);
        }
        int vertices = positions.length / 3;
        if (normals.length != vertices * 3) {
            throw new IllegalArgumentException(key + ": " + vertices + " vertices need " + vertices * 3
                    + " normal floats, got " + normals.length);
        }
        if (uvs.length != vertices * 2) {
            throw new IllegalArgumentException(key + ": " + vertices + " vertices need " + vertices * 2
                    + " uv floats, got " + uvs.length);
        }
        if (indices.length == 0 || indices.length % 3 != 0) {
            throw new IllegalArgumentException(key + ": indices must hold three per triangle, got " + indices.length);
        }
        for (int index : indices) {
            if (index < 0 || index >= vertices) {
                throw new IllegalArgumentException(key + ": index " + index + " outside 0.." + (vertices - 1));
            }
        }
    }

    /** The number of vertices. */
    public int vertexCount() {
        return positions.length / 3;
    }

    /** The number of triangles. */
    public int triangleCount() {
        return indices.length / 3;
    }
}
