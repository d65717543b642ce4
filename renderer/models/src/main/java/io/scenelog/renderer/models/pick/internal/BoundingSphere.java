package io.scenelog.renderer.models.pick.internal;

import io.scenelog.renderer.draw.MeshData;

/**
 * A sphere around a mesh in its own space: centred on its bounding box, through its farthest vertex. Not the
 * smallest sphere, but cheap and enough to skip most meshes a ray misses.
 */
public record BoundingSphere(float x, float y, float z, float radius) {

    /** The sphere around every vertex of a mesh. */
    public static BoundingSphere of(MeshData mesh) {
        float[] p = mesh.positions();
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float minZ = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        float maxZ = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i += 3) {
            minX = Math.min(minX, p[i]);
            minY = Math.min(minY, p[i + 1]);
            minZ = Math.min(minZ, p[i + 2]);
            maxX = Math.max(maxX, p[i]);
            maxY = Math.max(maxY, p[i + 1]);
            maxZ = Math.max(maxZ, p[i + 2]);
        }
        float cx = (minX + maxX) / 2;
        float cy = (minY + maxY) / 2;
        float cz = (minZ + maxZ) / 2;
        float radiusSquared = 0f;
        for (int i = 0; i < p.length; i += 3) {
            float dx = p[i] - cx;
            float dy = p[i + 1] - cy;
            float dz = p[i + 2] - cz;
            radiusSquared = Math.max(radiusSquared, dx * dx + dy * dy + dz * dz);
        }
        // A little slack so that rounding never rejects a ray grazing the farthest vertex.
        return new BoundingSphere(cx, cy, cz, (float) Math.sqrt(radiusSquared) * 1.0001f + 1e-6f);
    }

    /**
     * Whether the ray origin + t × direction meets the sphere for some t in 0..maxT. The direction need not be
     * unit length, so the test works in any affine space the ray was carried into.
     */
    public boolean hitBefore(Ray ray, float maxT) {
        float ox = ray.ox() - x;
        float oy = ray.oy() - y;
        float oz = ray.oz() - z;
        float a = ray.dx() * ray.dx() + ray.dy() * ray.dy() + ray.dz() * ray.dz();
        float b = ox * ray.dx() + oy * ray.dy() + oz * ray.dz();
        float c = ox * ox + oy * oy + oz * oz - radius * radius;
        if (c <= 0f) {
            return true;
        }
        float discriminant = b * b - a * c;
        if (discriminant < 0f || b > 0f) {
            return false;
        }
        float near = (-b - (float) Math.sqrt(discriminant)) / a;
        return near <= maxT;
    }
}
