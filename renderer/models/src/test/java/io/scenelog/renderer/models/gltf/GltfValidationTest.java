package io.scenelog.renderer.models.gltf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.renderer.draw.ModelUnavailableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GltfValidationTest {

    private static final String KEY = "b".repeat(64);

    private final MapAssetSource assets = new MapAssetSource();
    private GltfLoader loader = new GltfLoader(assets, GltfLimits.defaults());

    private void assertRefused(byte[] model, String... fragments) {
        assertThatThrownBy(() -> loader.load(KEY, model))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("glTF model " + KEY + ": ")
                .hasMessageContainingAll(fragments);
    }

    private static ObjectNode primitive(TestGltf gltf) {
        return (ObjectNode) gltf.at("meshes", 0).get("primitives").get(0);
    }

    private static ObjectNode positionsAccessor(TestGltf gltf) {
        return gltf.at("accessors", primitive(gltf).get("attributes").get("POSITION").asInt());
    }

    @Nested
    class GlbContainer {

        private final byte[] valid = TestGltf.texturedQuad().glb();

        @Test
        void shouldRefuseFileShorterThanHeader() {
            assertRefused(Arrays.copyOf(valid, 8), "8 bytes are shorter than the 12-byte header");
        }

        @Test
        void shouldRefuseOtherContainerVersion() {
            byte[] glb = valid.clone();
            glb[4] = 1;
            assertRefused(glb, "container version 1; only version 2");
        }

        @Test
        void shouldRefuseLengthOtherThanFileLength() {
            assertRefused(Arrays.copyOf(valid, valid.length - 4), "the header announces " + valid.length
                    + " bytes but the file has " + (valid.length - 4));
        }

        @Test
        void shouldRefuseChunkLongerThanFile() {
            byte[] glb = valid.clone();
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(12, valid.length);
            assertRefused(glb, "chunk 0 announces " + valid.length + " bytes but only");
        }

        @Test
        void shouldRefuseFirstChunkOtherThanJson() {
            byte[] glb = valid.clone();
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x004E4942);
            assertRefused(glb, "the first chunk is not the JSON chunk");
        }

        @Test
        void shouldRefuseGlbWithoutChunks() {
            byte[] glb = Arrays.copyOf(valid, 12);
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 12);
            assertRefused(glb, "there are no chunks");
        }

        @Test
        void shouldRefuseChunkLengthNotMultipleOfFour() {
            byte[] json = "{\"asset\":{\"version\":\"2.0\"}}".getBytes(StandardCharsets.UTF_8);
            byte[] glb = TestGltf.glb(json, null);
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(12, json.length);
            assertRefused(glb, "chunk 0 is " + json.length + " bytes long; chunk lengths must be multiples of 4");
        }

        @Test
        void shouldRefuseBytesThatAreNeitherGlbNorJson() {
            assertRefused(TestGltf.image("png", 2), "the asset is neither a GLB (magic 'glTF') nor glTF JSON");
        }

        @Test
        void shouldRefuseTruncatedChunkHeader() {
            byte[] glb = Arrays.copyOf(valid, 16);
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 16);
            assertRefused(glb, "the file ends inside the header of chunk 0 at byte 12");
        }
    }

    @Nested
    class Document {

        @Test
        void shouldRefuseJsonThatDoesNotParse() {
            assertRefused("{\"asset\": ".getBytes(StandardCharsets.UTF_8), "the glTF JSON does not parse");
        }

        @Test
        void shouldRefuseGltf1() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.root.putObject("asset").put("version", "1.0");
            assertRefused(gltf.glb(), "asset.version is '1.0'; only glTF 2.x is supported");
        }

        @Test
        void shouldRefuseRequiredExtensions() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.root.putArray("extensionsRequired").add("KHR_draco_mesh_compression");
            assertRefused(gltf.glb(), "requires the extensions [\"KHR_draco_mesh_compression\"]");
        }

        @Test
        void shouldRefuseNodeCycle() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("nodes", 0).putArray("children").add(0);
            assertRefused(gltf.glb(), "node 0: is reached twice in the default scene");
        }

        @Test
        void shouldRefuseReferenceToMissingMaterial() {
            TestGltf gltf = TestGltf.texturedQuad();
            primitive(gltf).put("material", 5);
            assertRefused(gltf.glb(), "mesh 0 primitive 0: material: names material 5, but there is 1 material");
        }

        @Test
        void shouldRefuseMatrixTogetherWithTranslation() {
            TestGltf gltf = TestGltf.texturedQuad();
            ObjectNode node = gltf.at("nodes", 0);
            node.putArray("translation").add(1).add(2).add(3);
            node.putArray("matrix");
            for (int i = 0; i < 16; i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("matrix")).add(i % 5 == 0 ? 1 : 0);
            }
            assertRefused(gltf.glb(), "node 0: has both a matrix and translation");
        }

        @Test
        void shouldRefuseChildThatDoesNotExist() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("nodes", 0).putArray("children").add(3);
            assertRefused(gltf.glb(), "node 0 children: names node 3, but there is 1 node");
        }

        @Test
        void shouldRefuseZeroRotation() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("nodes", 0).putArray("rotation").add(0).add(0).add(0).add(0);
            assertRefused(gltf.glb(), "node 0: rotation is a zero quaternion");
        }

        @Test
        void shouldRefusePropertyOfWrongType() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).put("count", "four");
            assertRefused(gltf.glb(), "accessor 0: count must be an integer from 1 to 2147483647, got \"four\"");
        }

        @Test
        void shouldRefuseSceneWithoutTriangles() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("nodes", 0).remove("mesh");
            assertRefused(gltf.glb(), "the default scene draws no triangles");
        }
    }

    @Nested
    class Buffers {

        @Test
        void shouldRefuseAccessorReadingPastItsBufferView() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).put("count", 5);
            assertRefused(gltf.glb(), "mesh 0 primitive 0: accessor 0: reads past bufferView 0: its 5 elements end"
                    + " at byte 60 of 48");
        }

        @Test
        void shouldRefuseBufferViewPastItsBuffer() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("bufferViews", 0).put("byteOffset", 1_000_000);
            assertRefused(gltf.glb(), "bufferView 0: bytes 1000000..1000048 lie past the end of buffer 0");
        }

        @Test
        void shouldRefuseBufferShorterThanDeclared() {
            TestGltf gltf = TestGltf.texturedQuad();
            String sha = assets.put(Arrays.copyOf(gltf.binary(), 20));
            byte[] json = gltf.gltf("blobs/" + sha);
            assertRefused(json, "buffer 0: declares " + gltf.binary().length + " bytes but holds only 20");
        }

        @Test
        void shouldRefuseStrideSmallerThanElement() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("bufferViews", 0).put("byteStride", 8);
            assertRefused(gltf.glb(), "accessor 0: elements of 12 bytes do not fit the byteStride 8 of bufferView 0");
        }

        @Test
        void shouldRefuseStrideNotMultipleOfFour() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("bufferViews", 0).put("byteStride", 14);
            assertRefused(gltf.glb(), "bufferView 0: byteStride 14 is not a multiple of 4");
        }

        @Test
        void shouldRefuseMisalignedAccessor() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).put("byteOffset", 2).put("count", 3);
            assertRefused(gltf.glb(), "accessor 0: byteOffset 2 is not a multiple of the component size 4");
        }

        @Test
        void shouldRefuseUriOutsideTheStore() {
            TestGltf gltf = TestGltf.texturedQuad();
            assertRefused(gltf.gltf("http://example.com/model.bin"), "buffer 0: the uri 'http://example.com/"
                    + "model.bin' is neither a data: URI nor blobs/<sha256>");
        }

        @Test
        void shouldSayWhichBlobIsUnavailable() {
            TestGltf gltf = TestGltf.texturedQuad();
            String missing = "c".repeat(64);
            assertRefused(gltf.gltf("blobs/" + missing), "buffer 0: blob " + missing + " is unavailable: blob "
                    + missing + " is not in the store");
        }

        @Test
        void shouldRefuseDataUriThatIsNotBase64() {
            TestGltf gltf = TestGltf.texturedQuad();
            assertRefused(gltf.gltf("data:application/octet-stream;base64,@@@@"), "buffer 0: the data: URI is not"
                    + " valid base64");
        }
    }

    @Nested
    class Accessors {

        @Test
        void shouldRefuseUnknownComponentType() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).put("componentType", 5124);
            assertRefused(gltf.glb(), "accessor 0: componentType 5124 is none of");
        }

        @Test
        void shouldRefusePositionsOfWrongType() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).put("type", "VEC2");
            assertRefused(gltf.glb(), "mesh 0 primitive 0: POSITION needs a float VEC3 accessor, but accessor 0"
                    + " (VEC2 of componentType 5126) is not");
        }

        @Test
        void shouldRefuseSparseAccessor() {
            TestGltf gltf = TestGltf.texturedQuad();
            positionsAccessor(gltf).putObject("sparse").put("count", 1);
            assertRefused(gltf.glb(), "accessor 0: is sparse, which this renderer does not support");
        }

        @Test
        void shouldRefuseAttributesOfDifferentCounts() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("accessors", 1).put("count", 3);
            assertRefused(gltf.glb(), "attribute NORMAL has 3 elements but POSITION has 4");
        }

        @Test
        void shouldRefuseIndexNamingMissingVertex() {
            TestGltf gltf = new TestGltf();
            int positions = gltf.floats("VEC3", 0, 0, 0, 1, 0, 0, 1, 1, 0);
            ObjectNode primitive = gltf.primitive(0);
            primitive.putObject("attributes").put("POSITION", positions);
            primitive.put("indices", gltf.indices(TestGltf.UNSIGNED_BYTE, 0, 1, 7));
            gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));
            assertRefused(gltf.glb(), "mesh 0 primitive 0: accessor 1: index 7 at element 2 names a vertex past the"
                    + " last one (2)");
        }

        @Test
        void shouldRefuseIndicesOfSignedType() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("accessors", 3).put("componentType", 5122);
            assertRefused(gltf.glb(), "indices need a SCALAR accessor of unsigned byte, short or int");
        }

        @Test
        void shouldRefuseIndicesThatDoNotMakeWholeTriangles() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("accessors", 3).put("count", 5);
            assertRefused(gltf.glb(), "mesh 0 primitive 0: 5 indices do not make whole triangles");
        }

        @Test
        void shouldRefuseNonFinitePosition() {
            TestGltf gltf = new TestGltf();
            int positions = gltf.floats("VEC3", 0, 0, 0, 1, 0, 0, Float.NaN, 1, 0);
            gltf.primitive(0).putObject("attributes").put("POSITION", positions);
            gltf.scene(gltf.node(TestGltf.JSON.createObjectNode().put("mesh", 0)));
            assertRefused(gltf.glb(), "accessor 0: element 2 holds NaN, not a finite number");
        }
    }

    @Nested
    class MaterialsAndLimits {

        @Test
        void shouldRefuseFactorOutsideUnitRange() {
            TestGltf gltf = TestGltf.texturedQuad();
            ((ObjectNode) gltf.at("materials", 0).get("pbrMetallicRoughness")).put("metallicFactor", 1.5);
            assertRefused(gltf.glb(), "material 0: metallicFactor must be a number from 0.0 to 1.0, got 1.5");
        }

        @Test
        void shouldRefuseImageThatIsNeitherPngNorJpeg() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.root.remove("images");
            gltf.imageInView("GIF89a not really".getBytes(StandardCharsets.US_ASCII), "image/gif");
            assertRefused(gltf.glb(), "image 0: the image is neither PNG nor JPEG");
        }

        @Test
        void shouldRefuseCorruptPng() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.root.remove("images");
            byte[] png = Arrays.copyOf(TestGltf.image("png", 2), 30);
            gltf.imageInView(png, "image/png");
            assertRefused(gltf.glb(), "image 0: the png image does not decode");
        }

        @Test
        void shouldRefuseTextureThatDoesNotExist() {
            TestGltf gltf = TestGltf.texturedQuad();
            ((ObjectNode) gltf.at("materials", 0).get("pbrMetallicRoughness").get("baseColorTexture"))
                    .put("index", 4);
            assertRefused(gltf.glb(), "material 0 baseColorTexture index: names texture 4, but there is 1 texture");
        }

        @Test
        void shouldRefuseImageWithBothUriAndBufferView() {
            TestGltf gltf = TestGltf.texturedQuad();
            gltf.at("images", 0).put("uri", "blobs/" + "e".repeat(64));
            assertRefused(gltf.glb(), "image 0: needs exactly one of uri and bufferView");
        }

        @Test
        void shouldRefuseModelBeyondTriangleBudget() {
            loader = new GltfLoader(assets, GltfLimits.defaults().withMaxTriangles(1));
            assertRefused(TestGltf.texturedQuad().glb(), "the default scene draws 2 triangles, beyond the budget"
                    + " of 1");
        }

        @Test
        void shouldRefuseModelBeyondTextureBudget() {
            TestGltf gltf = TestGltf.texturedQuad();
            int second = gltf.texture(gltf.imageInView(TestGltf.image("png", 2), "image/png"));
            int positions = primitive(gltf).get("attributes").get("POSITION").asInt();
            ObjectNode other = gltf.primitive(0).put("material", 1).put("mode", 6);
            other.putObject("attributes").put("POSITION", positions);
            gltf.array("materials").addObject().putObject("pbrMetallicRoughness").putObject("baseColorTexture")
                    .put("index", second);
            loader = new GltfLoader(assets, GltfLimits.defaults().withMaxTextures(1));
            assertRefused(gltf.glb(), "image 1: the model uses more than 1 textures, the budget");
        }

        @Test
        void shouldRefuseImageBeyondPixelBudget() {
            loader = new GltfLoader(assets, GltfLimits.defaults().withMaxTexturePixels(3));
            assertRefused(TestGltf.texturedQuad().glb(), "image 0: the png image is 2x2, beyond the budget of 3"
                    + " pixels");
        }
    }
}
