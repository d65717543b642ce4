package io.scenelog.renderer.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.MeshData;
import java.util.HashMap;
import java.util.Map;
import org.joml.Vector3f;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PrimitiveMeshesTest {

    @ParameterizedTest
    @EnumSource(value = PrimitiveShape.class, names = {"CUBE", "SPHERE", "CYLINDER", "CONE"})
    void shouldBeClosedWithEveryEdgeSharedByTwoOppositeTriangles(PrimitiveShape shape) {
        // given
        MeshData mesh = PrimitiveMeshes.of(shape);

        // when: weld vertices by position (uv seams duplicate them) and count directed edges
        int[] welded = weld(mesh);
        Map<Long, Integer> directed = new HashMap<>();
        int[] indices = mesh.indices();
        for (int t = 0; t < indices.length; t += 3) {
            for (int e = 0; e < 3; e++) {
                long edge = (long) welded[indices[t + e]] << 32 | welded[indices[t + (e + 1) % 3]];
                directed.merge(edge, 1, Integer::sum);
            }
        }

        // then every directed edge occurs once and its reverse once: closed and consistently wound
        assertThat(directed.values()).containsOnly(1);
        for (long edge : directed.keySet()) {
            long reverse = (edge & 0xffffffffL) << 32 | edge >>> 32;
            assertThat(directed).as("%s edge %x", shape, edge).containsKey(reverse);
        }
    }

    @ParameterizedTest
    @EnumSource(PrimitiveShape.class)
    void shouldFaceOutwardsWithUnitNormals(PrimitiveShape shape) {
        MeshData mesh = PrimitiveMeshes.of(shape);
        float[] p = mesh.positions();
        float[] n = mesh.normals();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            Vector3f normal = new Vector3f(n[v * 3], n[v * 3 + 1], n[v * 3 + 2]);
            assertThat(normal.length()).as("%s normal %d", shape, v).isCloseTo(1f, within());
            Vector3f position = new Vector3f(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
            if (shape != PrimitiveShape.PLANE) {
                assertThat(normal.dot(position)).as("%s normal %d points outwards", shape, v).isPositive();
            }
        }
        int[] indices = mesh.indices();
        for (int t = 0; t < indices.length; t += 3) {
            Vector3f a = vertex(p, indices[t]);
            Vector3f face = vertex(p, indices[t + 1]).sub(a).cross(vertex(p, indices[t + 2]).sub(a));
            assertThat(face.length()).as("%s triangle %d has an area", shape, t / 3).isPositive();
            Vector3f centroid = new Vector3f(a).add(vertex(p, indices[t + 1])).add(vertex(p, indices[t + 2]))
                    .div(3f);
            Vector3f reference = shape == PrimitiveShape.PLANE ? new Vector3f(0, 1, 0) : centroid;
            // counter-clockwise seen from outside: the winding's normal points away from the centre
            assertThat(face.dot(reference)).as("%s triangle %d winds outwards", shape, t / 3).isPositive();
            Vector3f vertexNormal = new Vector3f(mesh.normals()[indices[t] * 3], mesh.normals()[indices[t] * 3 + 1],
                    mesh.normals()[indices[t] * 3 + 2]);
            assertThat(face.dot(vertexNormal)).as("%s triangle %d agrees with its normals", shape, t / 3)
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(PrimitiveShape.class)
    void shouldFitUnitSizeWithUvsInRange(PrimitiveShape shape) {
        MeshData mesh = PrimitiveMeshes.of(shape);
        assertThat(mesh.key()).isEqualTo("primitive:" + shape.name());
        for (float uv : mesh.uvs()) {
            assertThat(uv).isBetween(0f, 1f);
        }
        float[] p = mesh.positions();
        float maxX = 0;
        float maxY = 0;
        for (int i = 0; i < p.length; i += 3) {
            assertThat(Math.abs(p[i])).isLessThanOrEqualTo(0.5f + 1e-6f);
            assertThat(Math.abs(p[i + 1])).isLessThanOrEqualTo(0.5f + 1e-6f);
            assertThat(Math.abs(p[i + 2])).isLessThanOrEqualTo(0.5f + 1e-6f);
            maxX = Math.max(maxX, Math.abs(p[i]));
            maxY = Math.max(maxY, Math.abs(p[i + 1]));
        }
        assertThat(maxX).isCloseTo(0.5f, within());
        assertThat(maxY).isCloseTo(shape == PrimitiveShape.PLANE ? 0f : 0.5f, within());
    }

    @Test
    void shouldBuildCubeOfSixQuadsAndPlaneOfOne() {
        assertThat(PrimitiveMeshes.of(PrimitiveShape.CUBE).vertexCount()).isEqualTo(24);
        assertThat(PrimitiveMeshes.of(PrimitiveShape.CUBE).triangleCount()).isEqualTo(12);
        MeshData plane = PrimitiveMeshes.of(PrimitiveShape.PLANE);
        assertThat(plane.vertexCount()).isEqualTo(4);
        assertThat(plane.triangleCount()).isEqualTo(2);
        assertThat(plane.normals()).containsExactly(0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0);
    }

    @Test
    void shouldPlaceSphereVerticesOnRadiusHalf() {
        MeshData sphere = PrimitiveMeshes.of(PrimitiveShape.SPHERE);
        for (int v = 0; v < sphere.vertexCount(); v++) {
            assertThat(vertex(sphere.positions(), v).length()).isCloseTo(0.5f, within());
        }
    }

    @Test
    void shouldGenerateEachShapeOnce() {
        assertThat(PrimitiveMeshes.of(PrimitiveShape.CONE)).isSameAs(PrimitiveMeshes.of(PrimitiveShape.CONE));
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1e-5f);
    }

    private static Vector3f vertex(float[] p, int v) {
        return new Vector3f(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
    }

    private static int[] weld(MeshData mesh) {
        Map<String, Integer> ids = new HashMap<>();
        int[] welded = new int[mesh.vertexCount()];
        float[] p = mesh.positions();
        for (int v = 0; v < welded.length; v++) {
            String key = Math.round(p[v * 3] * 1e4) + "," + Math.round(p[v * 3 + 1] * 1e4) + ","
                    + Math.round(p[v * 3 + 2] * 1e4);
            welded[v] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return welded;
    }
}
