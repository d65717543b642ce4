package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.TextureData;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;

/**
 * Small shapes for the renderer's own check scenes and golden tests (the product's primitives come from the models
 * module, which this module does not depend on). Triangles are wound counter-clockwise seen from outside.
 */
public final class CheckShapes {

    private CheckShapes() {
    }

    /** A unit cube centred on the origin, one texture per face. */
    public static MeshData cube() {
        Builder mesh = new Builder();
        float[][] normals = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (float[] n : normals) {
            Vector3f normal = new Vector3f(n[0], n[1], n[2]);
            Vector3f up = Math.abs(normal.y) > 0.5f ? new Vector3f(0, 0, -normal.y) : new Vector3f(0, 1, 0);
            Vector3f right = new Vector3f(up).cross(normal);
            int first = mesh.vertexCount();
            float[][] corners = {{-1, -1, 0, 1}, {1, -1, 1, 1}, {1, 1, 1, 0}, {-1, 1, 0, 0}};
            for (float[] c : corners) {
                Vector3f p = new Vector3f(normal).mul(0.5f).fma(c[0] * 0.5f, right).fma(c[1] * 0.5f, up);
                mesh.vertex(p, normal, c[2], c[3]);
            }
            mesh.triangle(first, first + 1, first + 2);
            mesh.triangle(first, first + 2, first + 3);
        }
        return mesh.build("check:cube");
    }

    /** A sphere of radius 0.5 centred on the origin. */
    public static MeshData sphere(int slices, int stacks) {
        Builder mesh = new Builder();
        for (int stack = 0; stack <= stacks; stack++) {
            double theta = Math.PI * stack / stacks;
            for (int slice = 0; slice <= slices; slice++) {
                double phi = 2 * Math.PI * slice / slices;
                Vector3f normal = new Vector3f((float) (Math.sin(theta) * Math.cos(phi)), (float) Math.cos(theta),
                        (float) (Math.sin(theta) * Math.sin(phi)));
                mesh.vertex(new Vector3f(normal).mul(0.5f), normal, (float) slice / slices, (float) stack / stacks);
            }
        }
        for (int stack = 0; stack < stacks; stack++) {
            for (int slice = 0; slice < slices; slice++) {
                int a = stack * (slices + 1) + slice;
                int b = a + slices + 1;
                mesh.triangle(a, b, a + 1);
                mesh.triangle(a + 1, b, b + 1);
            }
        }
        return mesh.build("check:sphere:" + slices + "x" + stacks);
    }

    /** A 2 x 2 square in the xy plane facing +z, uv (0,0) at its top-left corner. */
    public static MeshData quad() {
        Builder mesh = new Builder();
        Vector3f normal = new Vector3f(0, 0, 1);
        mesh.vertex(new Vector3f(-1, -1, 0), normal, 0, 1);
        mesh.vertex(new Vector3f(1, -1, 0), normal, 1, 1);
        mesh.vertex(new Vector3f(1, 1, 0), normal, 1, 0);
        mesh.vertex(new Vector3f(-1, 1, 0), normal, 0, 0);
        mesh.triangle(0, 1, 2);
        mesh.triangle(0, 2, 3);
        return mesh.build("check:quad");
    }

    /**
     * A checkerboard of {@code cells} x {@code cells} black and white cells whose top-left cell is red, so that a
     * picture shows whether the texture is upright and unmirrored.
     */
    public static TextureData checkerboard(int size, int cells) {
        byte[] rgba = new byte[size * size * 4];
        int cell = size / cells;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int at = (y * size + x) * 4;
                boolean marker = x < cell && y < cell;
                boolean white = (x / cell + y / cell) % 2 == 0;
                rgba[at] = (byte) (marker || white ? 0xff : 0x20);
                rgba[at + 1] = (byte) (marker ? 0x20 : white ? 0xff : 0x20);
                rgba[at + 2] = (byte) (marker ? 0x20 : white ? 0xff : 0x20);
                rgba[at + 3] = (byte) 0xff;
            }
        }
        return new TextureData("check:checkerboard:" + size + ":" + cells, size, size, rgba);
    }

    /** Collects vertices and triangles; orients each triangle to face along its vertices' normals. */
    private static final class Builder {
        private final List<Float> positions = new ArrayList<>();
        private final List<Float> normals = new ArrayList<>();
        private final List<Float> uvs = new ArrayList<>();
        private final List<Integer> indices = new ArrayList<>();

        int vertexCount() {
            return positions.size() / 3;
        }

        void vertex(Vector3f position, Vector3f normal, float u, float v) {
            positions.addAll(List.of(position.x, position.y, position.z));
            normals.addAll(List.of(normal.x, normal.y, normal.z));
            uvs.addAll(List.of(u, v));
        }

        void triangle(int a, int b, int c) {
            Vector3f pa = position(a);
            Vector3f face = new Vector3f(position(b)).sub(pa).cross(new Vector3f(position(c)).sub(pa));
            if (face.lengthSquared() < 1e-12f) {
                return; // degenerate (a sphere's pole): draws nothing
            }
            Vector3f normal = normal(a).add(normal(b)).add(normal(c));
            if (face.dot(normal) >= 0) {
                indices.addAll(List.of(a, b, c));
            } else {
                indices.addAll(List.of(a, c, b));
            }
        }

        private Vector3f position(int i) {
            return new Vector3f(positions.get(i * 3), positions.get(i * 3 + 1), positions.get(i * 3 + 2));
        }

        private Vector3f normal(int i) {
            return new Vector3f(normals.get(i * 3), normals.get(i * 3 + 1), normals.get(i * 3 + 2));
        }

        MeshData build(String key) {
            float[] p = new float[positions.size()];
            float[] n = new float[normals.size()];
            float[] t = new float[uvs.size()];
            int[] i = indices.stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < p.length; k++) {
                p[k] = positions.get(k);
                n[k] = normals.get(k);
            }
            for (int k = 0; k < t.length; k++) {
                t[k] = uvs.get(k);
            }
            return new MeshData(key, p, n, t, i);
        }
    }
}
