package io.scenelog.renderer.models.internal;

import io.scenelog.renderer.draw.MeshData;
import java.util.Arrays;

/** Collects vertices and triangles into growing arrays, then hands them over as one {@link MeshData}. */
public final class MeshBuilder {

    private float[] positions = new float[3 * 64];
    private float[] normals = new float[3 * 64];
    private float[] uvs = new float[2 * 64];
    private int[] indices = new int[3 * 64];
    private int vertexCount;
    private int indexCount;

    /** Adds a vertex and returns its index. */
    public int vertex(float px, float py, float pz, float nx, float ny, float nz, float u, float v) {
        if (vertexCount * 3 == positions.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
            normals = Arrays.copyOf(normals, normals.length * 2);
            uvs = Arrays.copyOf(uvs, uvs.length * 2);
        }
        int p = vertexCount * 3;
        positions[p] = px;
        positions[p + 1] = py;
        positions[p + 2] = pz;
        normals[p] = nx;
        normals[p + 1] = ny;
        normals[p + 2] = nz;
        uvs[vertexCount * 2] = u;
        uvs[vertexCount * 2 + 1] = v;
        return vertexCount++;
    }

    /** Adds a triangle, counter-clockwise seen from its front. */
    public void triangle(int a, int b, int c) {
        if (indexCount + 3 > indices.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
        }
        indices[indexCount++] = a;
        indices[indexCount++] = b;
        indices[indexCount++] = c;
    }

    /** The mesh built so far; the builder must not be used afterwards. */
    public MeshData build(String key) {
        return new MeshData(key, Arrays.copyOf(positions, vertexCount * 3), Arrays.copyOf(normals, vertexCount * 3),
                Arrays.copyOf(uvs, vertexCount * 2), Arrays.copyOf(indices, indexCount));
    }
}
