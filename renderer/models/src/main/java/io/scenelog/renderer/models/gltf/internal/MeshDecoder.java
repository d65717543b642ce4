package io.scenelog.renderer.models.gltf.internal;

import io.scenelog.renderer.draw.MeshData;

/**
 * Reads a checked primitive into a {@link MeshData}: strips and fans become triangle lists, normals are normalised
 * (or computed flat when missing, as the glTF specification requires), missing uvs are zeros.
 */
final class MeshDecoder {

    private MeshDecoder() {
    }

    /** The primitive's mesh, keyed "gltf:&lt;model&gt;:&lt;mesh&gt;:&lt;primitive&gt;". */
    static MeshData decode(MeshPrimitive primitive, String key) {
        try {
            float[] positions = Accessors.floats(primitive.positions());
            int vertices = primitive.positions().count();
            float[] uvs = primitive.uvs().map(Accessors::floats).orElseGet(() -> new float[vertices * 2]);
            int[] drawn = primitive.indices().map(indices -> Accessors.indices(indices, vertices))
                    .orElseGet(() -> sequence(vertices));
            int[] triangles = triangles(drawn, primitive.mode());
            if (primitive.normals().isPresent()) {
                float[] normals = Accessors.floats(primitive.normals().get());
                normalize(normals);
                return new MeshData(key, positions, normals, uvs, triangles);
            }
            return flatShaded(key, positions, uvs, triangles);
        } catch (IllegalArgumentException | InvalidGltfException e) {
            throw new InvalidGltfException(primitive.where() + ": " + e.getMessage(), e);
        }
    }

    private static int[] sequence(int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** Triangle-list indices for a draw of this mode, wound as the glTF specification defines strips and fans. */
    private static int[] triangles(int[] drawn, int mode) {
        if (mode == MeshPrimitive.TRIANGLES) {
            return drawn;
        }
        int count = drawn.length - 2;
        int[] triangles = new int[count * 3];
        for (int i = 0; i < count; i++) {
            if (mode == MeshPrimitive.TRIANGLE_FAN) {
                triangles[i * 3] = drawn[i + 1];
                triangles[i * 3 + 1] = drawn[i + 2];
                triangles[i * 3 + 2] = drawn[0];
            } else {
                triangles[i * 3] = drawn[i];
                triangles[i * 3 + 1] = drawn[i + 1 + i % 2];
                triangles[i * 3 + 2] = drawn[i + 2 - i % 2];
            }
        }
        return triangles;
    }

    /** Makes every normal unit length; a zero normal (no direction at all) becomes +y. */
    private static void normalize(float[] normals) {
        for (int i = 0; i < normals.length; i += 3) {
            float length = (float) Math.sqrt(normals[i] * normals[i] + normals[i + 1] * normals[i + 1]
                    + normals[i + 2] * normals[i + 2]);
            if (length > 1e-12f) {
                normals[i] /= length;
                normals[i + 1] /= length;
                normals[i + 2] /= length;
            } else {
                normals[i] = 0f;
                normals[i + 1] = 1f;
                normals[i + 2] = 0f;
            }
        }
    }

    /** Gives every triangle its own three vertices carrying the face's normal, so the faces look flat. */
    private static MeshData flatShaded(String key, float[] positions, float[] uvs, int[] triangles) {
        float[] flatPositions = new float[triangles.length * 3];
        float[] flatNormals = new float[triangles.length * 3];
        float[] flatUvs = new float[triangles.length * 2];
        int[] indices = new int[triangles.length];
        for (int t = 0; t < triangles.length; t += 3) {
            float[] normal = faceNormal(positions, triangles[t], triangles[t + 1], triangles[t + 2]);
            for (int corner = 0; corner < 3; corner++) {
                int source = triangles[t + corner];
                int target = t + corner;
                System.arraycopy(positions, source * 3, flatPositions, target * 3, 3);
                System.arraycopy(normal, 0, flatNormals, target * 3, 3);
                System.arraycopy(uvs, source * 2, flatUvs, target * 2, 2);
                indices[target] = target;
            }
        }
        return new MeshData(key, flatPositions, flatNormals, flatUvs, indices);
    }

    private static float[] faceNormal(float[] p, int a, int b, int c) {
        float ux = p[b * 3] - p[a * 3];
        float uy = p[b * 3 + 1] - p[a * 3 + 1];
        float uz = p[b * 3 + 2] - p[a * 3 + 2];
        float vx = p[c * 3] - p[a * 3];
        float vy = p[c * 3 + 1] - p[a * 3 + 1];
        float vz = p[c * 3 + 2] - p[a * 3 + 2];
        float[] normal = {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
        normalize(normal);
        return normal;
    }
}
