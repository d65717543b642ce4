package io.scenelog.renderer.models.gltf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.TextureData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

class GltfLoaderTest {

    private static final String KEY = "a".repeat(64);

    private final MapAssetSource assets = new MapAssetSource();
    private final GltfLoader loader = new GltfLoader(assets, GltfLimits.defaults());

    @Test
    void shouldLoadTexturedQuadFromGlb() {
        // given
        byte[] glb = TestGltf.texturedQuad().glb();

        // when
        GltfModel model = loader.load(KEY, glb);

        // then
        assertThat(model.parts()).hasSize(1);
        assertThat(model.triangles()).isEqualTo(2);
        assertThat(model.textures()).isEqualTo(1);
        ModelPart part = model.parts().get(0);
        MeshData mesh = part.mesh();
        assertThat(mesh.key()).isEqualTo("gltf:" + KEY + ":0:0");
        assertThat(mesh.positions()).containsExactly(0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
        assertThat(mesh.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(mesh.uvs()).containsExactly(0, 1, 1, 1, 1, 0, 0, 0);
        assertThat(mesh.indices()).containsExactly(0, 1, 2, 0, 2, 3);
        MaterialData material = part.material();
        assertThat(new Vector4f(material.baseColor())).isEqualTo(new Vector4f(0.5f, 0.25f, 1f, 1f));
        assertThat(material.metallic()).isEqualTo(0.1f);
        assertThat(material.roughness()).isEqualTo(0.7f);
        TextureData texture = material.baseColorTexture().orElseThrow();
        assertThat(texture.key()).isEqualTo(KEY + ":image:0");
        assertThat(texture.width()).isEqualTo(2);
        assertThat(texture.rgba()).containsExactly(
                (byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255,
                0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255);
        assertThat(new Matrix4f(part.local())).isEqualTo(new Matrix4f());
    }

    @Test
    void shouldComposeNodeHierarchyAndShareMeshesBetweenNodes() {
        // given a parent translated by (1, 0, 0) with the quad, and its child rotated and scaled with the same quad
        TestGltf gltf = TestGltf.texturedQuad();
        gltf.root.remove("scenes");
        gltf.root.remove("nodes");
        ObjectNode child = TestGltf.JSON.createObjectNode().put("mesh", 0);
        child.putArray("rotation").add(0).add(0.7071068).add(0).add(0.7071068);
        child.putArray("scale").add(2).add(2).add(2);
        int childIndex = gltf.node(child);
        ObjectNode parent = TestGltf.JSON.createObjectNode().put("mesh", 0);
        parent.putArray("translation").add(1).add(0).add(0);
        parent.putArray("children").add(childIndex);
        gltf.scene(gltf.node(parent));

        // when
        GltfModel model = loader.load(KEY, gltf.glb());

        // then
        assertThat(model.parts()).hasSize(2);
        assertThat(model.triangles()).isEqualTo(4);
        assertThat(model.parts().get(0).mesh()).isSameAs(model.parts().get(1).mesh());
        Vector3f parentCorner = model.parts().get(0).local().transformPosition(new Vector3f(1, 0, 0));
        assertThat(parentCorner.distance(2, 0, 0)).isLessThan(1e-5f);
        // The child turns +x to -z (90 degrees about y), doubles it and then moves with its parent.
        Vector3f childCorner = model.parts().get(1).local().transformPosition(new Vector3f(1, 0, 0));
        assertThat(childCorner.distance(1, 0, -2)).isLessThan(1e-5f);
    }

    @Test
    void shouldUseNodeMatrixColumnMajor() {
        // given
        TestGltf gltf = TestGltf.texturedQuad();
        ObjectNode node = gltf.at("nodes", 0);
        node.putArray("matrix").add(1).add(0).add(0).add(0).add(0).add(1).add(0).add(0).add(0).add(0).add(1)
                .add(0).add(5).add(6).add(7).add(1);

        // when
        GltfModel model = loader.load(KEY, gltf.glb());

        // then
        Vector3f origin = model.parts().get(0).local().transformPosition(new Vector3f());
        assertThat(origin).isEqualTo(new Vector3f(5, 6, 7));
    }

    @Test
    void shouldComputeFlatNormalsAndZeroUvsWhenMissing() {
        // given a non-indexed triangle counter-clockwise in the xz plane seen from +y, without NORMAL or TEXCOORD_0
        TestGltf gltf = new TestGltf();
        int positions = gltf.floats("VEC3", 0, 0, 0, 0, 0, 1, 1, 0, 0);
        gltf.primitive(0).putObject("attributes").put("POSITION", positions);
        gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));

        // when
        MeshData mesh = loader.load(KEY, gltf.glb()).parts().get(0).mesh();

        // then
        assertThat(mesh.normals()).containsExactly(0, 1, 0, 0, 1, 0, 0, 1, 0);
        assertThat(mesh.uvs()).containsOnly(0f).hasSize(6);
        assertThat(mesh.indices()).containsExactly(0, 1, 2);
        assertThat(loader.load(KEY, gltf.glb()).parts().get(0).material()).isEqualTo(MaterialData.DEFAULT);
    }

    @Test
    void shouldReadIndicesOfEveryUnsignedType() {
        for (int type : new int[] {TestGltf.UNSIGNED_BYTE, TestGltf.UNSIGNED_SHORT, TestGltf.UNSIGNED_INT}) {
            // given
            TestGltf gltf = new TestGltf();
            int positions = gltf.floats("VEC3", 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
            ObjectNode primitive = gltf.primitive(0);
            primitive.putObject("attributes").put("POSITION", positions);
            primitive.put("indices", gltf.indices(type, 3, 2, 0, 2, 1, 0));
            gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));

            // when
            MeshData mesh = loader.load(KEY, gltf.glb()).parts().get(0).mesh();

            // then flat shading unwelds the vertices, keeping the positions in index order
            assertThat(mesh.triangleCount()).as("componentType %d", type).isEqualTo(2);
            assertThat(mesh.positions()).as("componentType %d", type)
                    .containsExactly(0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0);
        }
    }

    @Test
    void shouldReadInterleavedAttributesAndNormalizedUvs() {
        // given positions and normals interleaved in one view (stride 24), and uvs as normalized unsigned bytes
        TestGltf gltf = new TestGltf();
        ByteBuffer interleaved = ByteBuffer.allocate(3 * 24).order(ByteOrder.LITTLE_ENDIAN);
        float[][] vertices = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        for (float[] vertex : vertices) {
            interleaved.putFloat(vertex[0]).putFloat(vertex[1]).putFloat(vertex[2]);
            interleaved.putFloat(0).putFloat(0).putFloat(2);
        }
        int view = gltf.view(interleaved.array());
        gltf.at("bufferViews", view).put("byteStride", 24);
        int positions = gltf.accessor(view, TestGltf.FLOAT, "VEC3", 3);
        int normals = gltf.accessor(view, TestGltf.FLOAT, "VEC3", 3);
        gltf.at("accessors", normals).put("byteOffset", 12);
        int uvs = gltf.accessor(gltf.view(new byte[] {0, (byte) 255, (byte) 255, 0, 0, 0, 0, 0}),
                TestGltf.UNSIGNED_BYTE, "VEC2", 3);
        gltf.at("accessors", uvs).put("normalized", true);
        gltf.primitive(0).putObject("attributes").put("POSITION", positions).put("NORMAL", normals)
                .put("TEXCOORD_0", uvs);
        gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));

        // when
        MeshData mesh = loader.load(KEY, gltf.glb()).parts().get(0).mesh();

        // then the normals were renormalised to unit length
        assertThat(mesh.positions()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
        assertThat(mesh.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(mesh.uvs()).containsExactly(0, 1, 1, 0, 0, 0);
    }

    @Test
    void shouldTurnStripsAndFansIntoTriangleLists() {
        // given a strip of four vertices (two triangles) and a fan of four vertices (two triangles)
        TestGltf gltf = new TestGltf();
        int positions = gltf.floats("VEC3", 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0);
        int normals = gltf.floats("VEC3", 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        ObjectNode strip = gltf.primitive(0).put("mode", 5);
        strip.putObject("attributes").put("POSITION", positions).put("NORMAL", normals);
        ObjectNode fan = gltf.primitive(0).put("mode", 6);
        fan.putObject("attributes").put("POSITION", positions).put("NORMAL", normals);
        gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));

        // when
        GltfModel model = loader.load(KEY, gltf.glb());

        // then
        assertThat(model.parts().get(0).mesh().indices()).containsExactly(0, 1, 2, 1, 3, 2);
        assertThat(model.parts().get(1).mesh().indices()).containsExactly(1, 2, 0, 2, 3, 0);
    }

    @Test
    void shouldSkipPointsAndLinesButDrawTriangles() {
        // given
        TestGltf gltf = TestGltf.texturedQuad();
        int positions = gltf.at("meshes", 0).get("primitives").get(0).get("attributes").get("POSITION").asInt();
        gltf.primitive(0).put("mode", 1).putObject("attributes").put("POSITION", positions);

        // when
        GltfModel model = loader.load(KEY, gltf.glb());

        // then
        assertThat(model.parts()).hasSize(1);
        assertThat(model.parts().get(0).mesh().key()).isEqualTo("gltf:" + KEY + ":0:0");
    }

    @Test
    void shouldDecodeJpegTexture() {
        // given
        TestGltf gltf = TestGltf.texturedQuad();
        gltf.root.remove("images");
        gltf.imageInView(TestGltf.image("jpeg", 16), "image/jpeg");

        // when
        TextureData texture = loader.load(KEY, gltf.glb()).parts().get(0).material().baseColorTexture()
                .orElseThrow();

        // then the top-left quarter is red, the bottom-right white (JPEG is lossy: within a margin)
        assertThat(texture.width()).isEqualTo(16);
        assertThat(texture.rgba()[0] & 0xff).isGreaterThan(200);
        assertThat(texture.rgba()[1] & 0xff).isLessThan(60);
        int bottomRight = (15 * 16 + 15) * 4;
        assertThat(texture.rgba()[bottomRight + 2] & 0xff).isGreaterThan(200);
        assertThat(texture.rgba()[bottomRight + 3] & 0xff).isEqualTo(255);
    }

    @Test
    void shouldLoadPackageWhoseBuffersAndImagesAreBlobs() {
        // given a .gltf whose buffer and image were rewritten to blobs/<sha256> at upload
        TestGltf gltf = TestGltf.texturedQuad();
        String imageSha = assets.put(TestGltf.image("png", 2));
        gltf.root.remove("images");
        gltf.array("images").addObject().put("uri", "blobs/" + imageSha);
        String bufferSha = assets.put(gltf.binary());
        byte[] json = gltf.gltf("blobs/" + bufferSha);

        // when
        GltfModel model = loader.load(KEY, json);

        // then
        assertThat(model.parts().get(0).mesh().indices()).containsExactly(0, 1, 2, 0, 2, 3);
        assertThat(model.parts().get(0).material().baseColorTexture().orElseThrow().key()).isEqualTo(imageSha);
        assertThat(assets.reads(bufferSha)).isEqualTo(1);
        assertThat(assets.reads(imageSha)).isEqualTo(1);
    }

    @Test
    void shouldLoadGltfWithDataUris() {
        // given
        TestGltf gltf = TestGltf.texturedQuad();
        String data = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(gltf.binary());

        // when
        GltfModel model = loader.load(KEY, gltf.gltf(data));

        // then
        assertThat(model.parts().get(0).mesh().positions()).hasSize(12);
        assertThat(new String(gltf.jsonBytes(), StandardCharsets.UTF_8)).contains("data:");
    }
}
