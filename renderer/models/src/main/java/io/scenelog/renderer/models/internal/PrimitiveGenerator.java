package io.scenelog.renderer.models.internal;

import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.MeshData;

/**
 * Generates the built-in shapes at unit size around the origin. Angles run from +x towards +z, so for a quad between
 * an upper row (a, d) and a lower row (b, c) the triangles (a, d, c) and (a, c, b) face outwards; the tests check
 * every triangle's winding against its normal.
 */
public final class PrimitiveGenerator {

    /** Segments around round shapes: enough for a smooth silhouette at typical sizes, cheap to draw. */
    static final int SEGMENTS = 32;
    /** Rings from pole to pole of the sphere. */
    static final int RINGS = 16;
    private static final float HALF = 0.5f;
    private static final float RADIUS = 0.5f;

    private PrimitiveGenerator() {
    }

    /** The mesh of a shape, keyed "primitive:NAME". */
    public static MeshData generate(PrimitiveShape shape) {
        String key = "primitive:" + shape.name();
        MeshBuilder mesh = new MeshBuilder();
        switch (shape) {
            case CUBE -> cube(mesh);
            case SPHERE -> sphere(mesh);
            case PLANE -> face(mesh, 0f, 0f, 1f, 0f, 1f, 0f, 0f, 0f, 0f, -1f);
            case CYLINDER -> {
                side(mesh, RADIUS);
                cap(mesh, HALF, 1f);
                cap(mesh, -HALF, -1f);
            }
            case CONE -> {
                side(mesh, 0f);
                cap(mesh, -HALF, -1f);
            }
            default -> throw new IllegalArgumentException("no generator for the primitive shape " + shape);
        }
        return mesh.build(key);
    }

    private static void cube(MeshBuilder mesh) {
        // Each face is spanned by u and v with u x v = its normal, so its corners run counter-clockwise.
        face(mesh, HALF, 1f, 0f, 0f, 0f, 0f, -1f, 0f, 1f, 0f);
        face(mesh, HALF, -1f, 0f, 0f, 0f, 0f, 1f, 0f, 1f, 0f);
        face(mesh, HALF, 0f, 1f, 0f, 1f, 0f, 0f, 0f, 0f, -1f);
        face(mesh, HALF, 0f, -1f, 0f, 1f, 0f, 0f, 0f, 0f, 1f);
        face(mesh, HALF, 0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f);
        face(mesh, HALF, 0f, 0f, -1f, -1f, 0f, 0f, 0f, 1f, 0f);
    }

    /** A unit square with normal n, centred at n * offset, spanned by the unit vectors u and v (u x v = n). */
    private static void face(MeshBuilder mesh, float offset, float nx, float ny, float nz, float ux, float uy,
            float uz, float vx, float vy, float vz) {
        float cx = nx * offset;
        float cy = ny * offset;
        float cz = nz * offset;
        int[] corner = new int[4];
        float[][] signs = {{-1f, -1f}, {1f, -1f}, {1f, 1f}, {-1f, 1f}};
        for (int i = 0; i < 4; i++) {
            float su = signs[i][0] * HALF;
            float sv = signs[i][1] * HALF;
            // v grows upwards on the face while texture v grows downwards.
            corner[i] = mesh.vertex(cx + su * ux + sv * vx, cy + su * uy + sv * vy, cz + su * uz + sv * vz, nx, ny, nz,
                    signs[i][0] * 0.5f + 0.5f, 0.5f - signs[i][1] * 0.5f);
        }
        mesh.triangle(corner[0], corner[1], corner[2]);
        mesh.triangle(corner[0], corner[2], corner[3]);
    }

    private static void sphere(MeshBuilder mesh) {
        int columns = SEGMENTS + 1;
        for (int ring = 0; ring <= RINGS; ring++) {
            double phi = Math.PI * ring / RINGS;
            for (int segment = 0; segment <= SEGMENTS; segment++) {
                double theta = 2 * Math.PI * segment / SEGMENTS;
                float nx = (float) (Math.sin(phi) * Math.cos(theta));
                float ny = (float) Math.cos(phi);
                float nz = (float) (Math.sin(phi) * Math.sin(theta));
                mesh.vertex(nx * RADIUS, ny * RADIUS, nz * RADIUS, nx, ny, nz, (float) segment / SEGMENTS,
                        (float) ring / RINGS);
            }
        }
        for (int ring = 0; ring < RINGS; ring++) {
            for (int segment = 0; segment < SEGMENTS; segment++) {
                int a = ring * columns + segment;
                int b = a + columns;
                int c = b + 1;
                int d = a + 1;
                // At the poles one triangle of each quad has no area: leave it out.
                if (ring > 0) {
                    mesh.triangle(a, d, c);
                }
                if (ring < RINGS - 1) {
                    mesh.triangle(a, c, b);
                }
            }
        }
    }

    /** The round side from the base ring (radius 0.5) to the top ring of this radius (0 for a cone's apex). */
    private static void side(MeshBuilder mesh, float topRadius) {
        // The side's normal tilts up by the slope: (h cos, r0 - r1, h sin) before normalising, with h = 1.
        float slope = RADIUS - topRadius;
        float length = (float) Math.sqrt(1 + slope * slope);
        for (int segment = 0; segment < SEGMENTS; segment++) {
            int[] quad = new int[4];
            int corners = topRadius > 0f ? 4 : 3;
            for (int corner = 0; corner < corners; corner++) {
                boolean top = corner == 0 || corner == 3;
                int step = corner >= 2 ? segment + 1 : segment;
                // A cone's apex gets one vertex per segment whose normal points between the segment's edges.
                double theta = 2 * Math.PI * (top && topRadius == 0f ? segment + 0.5 : step) / SEGMENTS;
                double edgeTheta = 2 * Math.PI * step / SEGMENTS;
                float radius = top ? topRadius : RADIUS;
                float cos = (float) Math.cos(theta);
                float sin = (float) Math.sin(theta);
                quad[corner] = mesh.vertex((float) Math.cos(edgeTheta) * radius, top ? HALF : -HALF,
                        (float) Math.sin(edgeTheta) * radius, cos / length, slope / length, sin / length,
                        (float) step / SEGMENTS, top ? 0f : 1f);
            }
            mesh.triangle(quad[0], quad[2], quad[1]);
            if (topRadius > 0f) {
                mesh.triangle(quad[0], quad[3], quad[2]);
            }
        }
    }

    /** A disc of radius 0.5 at height y facing up (+1) or down (-1). */
    private static void cap(MeshBuilder mesh, float y, float facing) {
        int centre = mesh.vertex(0f, y, 0f, 0f, facing, 0f, 0.5f, 0.5f);
        int previous = -1;
        for (int segment = 0; segment <= SEGMENTS; segment++) {
            double theta = 2 * Math.PI * segment / SEGMENTS;
            float cos = (float) Math.cos(theta);
            float sin = (float) Math.sin(theta);
            int index = mesh.vertex(cos * RADIUS, y, sin * RADIUS, 0f, facing, 0f, 0.5f + cos * 0.5f,
                    0.5f + sin * 0.5f);
            if (previous >= 0) {
                if (facing > 0f) {
                    mesh.triangle(centre, index, index - 1);
                } else {
                    mesh.triangle(centre, index - 1, index);
                }
            }
            previous = index;
        }
    }
}
