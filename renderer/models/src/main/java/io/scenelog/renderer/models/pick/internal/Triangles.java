package io.scenelog.renderer.models.pick.internal;

import io.scenelog.renderer.draw.MeshData;

/** Ray-triangle tests (Möller–Trumbore), seeing both faces of every triangle. */
public final class Triangles {

    private static final float EPSILON = 1e-9f;

    private Triangles() {
    }

    /** The smallest t in (0, maxT) where the ray meets a triangle of the mesh, or NaN for none. */
    public static float nearestHit(MeshData mesh, Ray ray, float maxT) {
        float[] p = mesh.positions();
        int[] indices = mesh.indices();
        float best = Float.NaN;
        float limit = maxT;
        for (int i = 0; i < indices.length; i += 3) {
            float t = intersect(p, indices[i] * 3, indices[i + 1] * 3, indices[i + 2] * 3, ray);
            if (t > 0f && t < limit) {
                best = t;
                limit = t;
            }
        }
        return best;
    }

    private static float intersect(float[] p, int a, int b, int c, Ray ray) {
        float e1x = p[b] - p[a];
        float e1y = p[b + 1] - p[a + 1];
        float e1z = p[b + 2] - p[a + 2];
        float e2x = p[c] - p[a];
        float e2y = p[c + 1] - p[a + 1];
        float e2z = p[c + 2] - p[a + 2];
        float px = ray.dy() * e2z - ray.dz() * e2y;
        float py = ray.dz() * e2x - ray.dx() * e2z;
        float pz = ray.dx() * e2y - ray.dy() * e2x;
        float determinant = e1x * px + e1y * py + e1z * pz;
        // Both faces count: only a ray parallel to the triangle's plane is rejected.
        if (Math.abs(determinant) < EPSILON) {
            return Float.NaN;
        }
        float inverse = 1f / determinant;
        float sx = ray.ox() - p[a];
        float sy = ray.oy() - p[a + 1];
        float sz = ray.oz() - p[a + 2];
        float u = (sx * px + sy * py + sz * pz) * inverse;
        if (u < 0f || u > 1f) {
            return Float.NaN;
        }
        float qx = sy * e1z - sz * e1y;
        float qy = sz * e1x - sx * e1z;
        float qz = sx * e1y - sy * e1x;
        float v = (ray.dx() * qx + ray.dy() * qy + ray.dz() * qz) * inverse;
        if (v < 0f || u + v > 1f) {
            return Float.NaN;
        }
        return (e2x * qx + e2y * qy + e2z * qz) * inverse;
    }
}
