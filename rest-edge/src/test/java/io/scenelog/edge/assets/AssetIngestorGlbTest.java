package io.scenelog.edge.assets;

import static io.scenelog.edge.assets.Uploads.array;
import static io.scenelog.edge.assets.Uploads.assertNothingStored;
import static io.scenelog.edge.assets.Uploads.at;
import static io.scenelog.edge.assets.Uploads.ingest;
import static io.scenelog.edge.assets.Uploads.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssetIngestorGlbTest {

    /** Where the cube's index data starts in its BIN chunk (after positions, normals and uvs). */
    private static final int INDEX_OFFSET = 2 * 288 + 192;

    @TempDir
    Path root;

    private AssetIngestor ingestor;

    @BeforeEach
    void setUp() throws IOException {
        ingestor = new AssetIngestor(new BlobStore(root), AssetLimits.defaults());
    }

    private AssetRejectedException rejectionOf(Consumer<ObjectNode> edit) {
        GltfSamples.Gltf cube = GltfSamples.cubeGlbParts();
        edit.accept(cube.json());
        return rejection(ingestor, GltfSamples.glb(cube.json(), cube.bin()));
    }

    private AssetSummary summaryOf(Consumer<ObjectNode> edit) throws IOException {
        GltfSamples.Gltf cube = GltfSamples.cubeGlbParts();
        edit.accept(cube.json());
        return ingest(ingestor, GltfSamples.glb(cube.json(), cube.bin())).summary().orElseThrow();
    }

    @Nested
    class Accepted {

        @Test
        void shouldStoreAValidGlbAsUploaded() throws IOException {
            // given
            byte[] glb = GltfSamples.cubeGlb();

            // when
            IngestedAsset asset = ingest(ingestor, glb);

            // then
            assertThat(asset.kind()).isEqualTo(AssetKind.GLB);
            assertThat(asset.mediaType()).isEqualTo("model/gltf-binary");
            assertThat(asset.sha256()).isEqualTo(Uploads.sha256(glb));
            assertThat(asset.sizeBytes()).isEqualTo(glb.length);
            assertThat(asset.dependencies()).isEmpty();
            try (InputStream stored = ingestor.store().open(asset.sha256())) {
                assertThat(stored.readAllBytes()).isEqualTo(glb);
            }
        }

        @Test
        void shouldSummariseTheCube() throws IOException {
            // when
            AssetSummary summary = ingest(ingestor, GltfSamples.cubeGlb()).summary().orElseThrow();

            // then
            assertThat(summary).isEqualTo(new AssetSummary(1, 1, 12L, 1));
        }

        @Test
        void shouldCountEachNodeInstanceOfAMesh() throws IOException {
            AssetSummary summary = summaryOf(json -> {
                array(json, "/nodes").addObject().put("mesh", 0);
                array(json, "/scenes/0/nodes").add(1);
            });

            assertThat(summary.getTriangles()).isEqualTo(24L);
        }

        @Test
        void shouldCountMeshesOfChildNodes() throws IOException {
            AssetSummary summary = summaryOf(json -> {
                array(json, "/nodes").addObject().put("mesh", 0).putArray("children").add(2);
                array(json, "/nodes").addObject().put("mesh", 0);
                at(json, "/nodes/0").putArray("children").add(1);
            });

            assertThat(summary.getTriangles()).isEqualTo(36L);
        }

        @Test
        void shouldCountOnlyTheDefaultScene() throws IOException {
            AssetSummary summary = summaryOf(json -> {
                array(json, "/nodes").addObject().put("name", "empty");
                array(json, "/scenes").addObject().putArray("nodes").add(1);
                json.put("scene", 1);
            });

            assertThat(summary.getTriangles()).isZero();
        }

        @Test
        void shouldUseSceneZeroWhenNoSceneIsNamed() throws IOException {
            AssetSummary summary = summaryOf(json -> json.remove("scene"));

            assertThat(summary.getTriangles()).isEqualTo(12L);
        }

        @Test
        void shouldCountAStripAsIndicesMinusTwo() throws IOException {
            AssetSummary summary = summaryOf(json -> at(json, "/meshes/0/primitives/0").put("mode", 5));

            assertThat(summary.getTriangles()).isEqualTo(34L);
        }

        @Test
        void shouldCountNoTrianglesForLines() throws IOException {
            AssetSummary summary = summaryOf(json -> at(json, "/meshes/0/primitives/0").put("mode", 1));

            assertThat(summary.getTriangles()).isZero();
        }

        @Test
        void shouldCountPositionsWhenThereAreNoIndices() throws IOException {
            AssetSummary summary = summaryOf(json -> at(json, "/meshes/0/primitives/0").remove("indices"));

            assertThat(summary.getTriangles()).isEqualTo(8L);
        }

        @Test
        void shouldAcceptADataUriBufferOfTheDeclaredLength() throws IOException {
            AssetSummary summary = summaryOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "data:application/octet-stream;base64,AAECAw==").put("byteLength", 4));

            assertThat(summary.getMeshes()).isEqualTo(1);
        }

        @Test
        void shouldAcceptAnImageInADataUri() throws IOException {
            String png = Base64.getEncoder().encodeToString(GltfSamples.png(2, 2));

            AssetSummary summary = summaryOf(json -> array(json, "/images").set(0, Uploads.JSON.createObjectNode()
                    .put("uri", "data:image/png;base64," + png)));

            assertThat(summary.getTextures()).isEqualTo(1);
        }

        @Test
        void shouldAcceptASparseAccessorInsideItsBufferViews() throws IOException {
            AssetSummary summary = summaryOf(json -> addSparseAccessor(json, 0));

            assertThat(summary.getMeshes()).isEqualTo(1);
        }
    }

    @Nested
    class Container {

        @Test
        void shouldRejectATruncatedGlbAndStoreNothing() {
            // given
            byte[] glb = GltfSamples.cubeGlb();

            // when
            AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(glb, glb.length - 100));

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.rule()).isEqualTo("glb-truncated");
            assertThat(rejected.getMessage()).contains("cut off");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAGlbShorterThanItsHeader() {
            AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(GltfSamples.cubeGlb(), 8));

            assertThat(rejected.rule()).isEqualTo("glb-truncated");
        }

        @Test
        void shouldRejectAHeaderLengthOtherThanTheFileLength() {
            byte[] glb = GltfSamples.cubeGlb();

            AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(glb, glb.length + 4));

            assertThat(rejected.rule()).isEqualTo("glb-length-mismatch");
        }

        @Test
        void shouldRejectAnotherContainerVersion() {
            byte[] glb = GltfSamples.cubeGlb();
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);

            AssetRejectedException rejected = rejection(ingestor, glb);

            assertThat(rejected.rule()).isEqualTo("glb-version");
        }

        @Test
        void shouldRejectAChunkLengthThatIsNotAMultipleOfFour() {
            byte[] glb = GltfSamples.cubeGlb();
            ByteBuffer header = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(12, header.getInt(12) - 2);

            AssetRejectedException rejected = rejection(ingestor, glb);

            assertThat(rejected.rule()).isEqualTo("glb-chunk-misaligned");
        }

        @Test
        void shouldRejectAChunkReachingPastTheFile() {
            byte[] glb = GltfSamples.cubeGlb();
            ByteBuffer header = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(12, glb.length);

            AssetRejectedException rejected = rejection(ingestor, glb);

            assertThat(rejected.rule()).isEqualTo("glb-truncated");
            assertThat(rejected.details()).containsEntry("offset", 12L);
        }

        @Test
        void shouldRejectAFirstChunkThatIsNotJson() {
            byte[] glb = GltfSamples.cubeGlb();
            ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x004E4942);

            AssetRejectedException rejected = rejection(ingestor, glb);

            assertThat(rejected.rule()).isEqualTo("glb-chunk-order");
        }

        @Test
        void shouldRejectABufferWithoutUriWhenThereIsNoBinChunk() {
            GltfSamples.Gltf cube = GltfSamples.cubeGlbParts();

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.glb(cube.json(), null));

            assertThat(rejected.rule()).isEqualTo("glb-missing-bin");
            assertThat(rejected.details()).containsEntry("pointer", "/buffers/0");
        }

        @Test
        void shouldRejectMalformedJson() {
            byte[] glb = GltfSamples.cubeGlb();
            glb[20] = '[';

            AssetRejectedException rejected = rejection(ingestor, glb);

            assertThat(rejected.rule()).isEqualTo("json-malformed");
            assertThat(rejected.getMessage()).contains("line 1");
        }

        @Test
        void shouldRejectDuplicateKeysBecauseReadersWouldDisagree() {
            GltfSamples.Gltf cube = GltfSamples.cubeGlbParts();
            String json = cube.json().toString().replaceFirst("\\{", "{\"scene\":0,");

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.glb(json, cube.bin()));

            assertThat(rejected.rule()).isEqualTo("json-malformed");
        }
    }

    @Nested
    class Bounds {

        @Test
        void shouldRejectAnAccessorReadingPastItsBufferViewAndStoreNothing() {
            // when
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/accessors/3").put("count", 37));

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.details()).containsEntry("rule", "accessor-out-of-bounds")
                    .containsEntry("pointer", "/accessors/3");
            assertThat(rejected.getMessage()).contains("Accessor 3").contains("bufferView 3").contains("72 bytes");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAnAccessorOffsetPastItsBufferView() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/accessors/0").put("byteOffset", 12));

            assertThat(rejected.rule()).isEqualTo("accessor-out-of-bounds");
        }

        @Test
        void shouldRejectAStrideThatMakesTheAccessorTooLong() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/bufferViews/0").put("byteStride", 16));

            assertThat(rejected.rule()).isEqualTo("accessor-out-of-bounds");
        }

        @Test
        void shouldRejectAMisalignedAccessor() {
            AssetRejectedException rejected = rejectionOf(json -> {
                at(json, "/accessors/3").put("byteOffset", 1).put("count", 2);
            });

            assertThat(rejected.rule()).isEqualTo("accessor-misaligned");
        }

        @Test
        void shouldRejectABufferViewPastItsBuffer() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/bufferViews/2").put("byteLength",
                    5000));

            assertThat(rejected.details()).containsEntry("rule", "buffer-view-out-of-bounds")
                    .containsEntry("pointer", "/bufferViews/2");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectSparseIndicesPastTheirBufferView() {
            AssetRejectedException rejected = rejectionOf(json -> addSparseAccessor(json, 70));

            assertThat(rejected.details()).containsEntry("rule", "accessor-out-of-bounds")
                    .containsEntry("pointer", "/accessors/4/sparse/indices");
        }

        @Test
        void shouldRejectSparseIndicesThatDoNotIncrease() {
            AssetRejectedException rejected = rejectionOf(json -> addSparseAccessor(json, 4));

            assertThat(rejected.rule()).isEqualTo("index-value-out-of-range");
        }

        @Test
        void shouldRejectAVertexIndexPastTheVertices() {
            GltfSamples.Gltf cube = GltfSamples.cubeGlbParts();
            ByteBuffer.wrap(cube.bin()).order(ByteOrder.LITTLE_ENDIAN).putShort(INDEX_OFFSET + 10, (short) 24);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.glb(cube.json(), cube.bin()));

            assertThat(rejected.details()).containsEntry("rule", "index-value-out-of-range")
                    .containsEntry("pointer", "/meshes/0/primitives/0/indices");
        }

        @Test
        void shouldRejectAttributesOfDifferentCounts() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/accessors/2").put("count", 20));

            assertThat(rejected.rule()).isEqualTo("attribute-count-mismatch");
        }

        @Test
        void shouldRejectFloatIndices() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/meshes/0/primitives/0")
                    .put("indices", 0));

            assertThat(rejected.rule()).isEqualTo("accessor-type-mismatch");
        }
    }

    @Nested
    class Properties {

        @Test
        void shouldRejectAnotherGltfVersion() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/asset").put("version", "1.0"));

            assertThat(rejected.details()).containsEntry("rule", "asset-version")
                    .containsEntry("pointer", "/asset/version");
        }

        @Test
        void shouldRejectAMissingAsset() {
            AssetRejectedException rejected = rejectionOf(json -> json.remove("asset"));

            assertThat(rejected.details()).containsEntry("rule", "property-missing")
                    .containsEntry("pointer", "/asset");
        }

        @Test
        void shouldRejectTheIntComponentTypeThatGltfExcludes() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/accessors/0").put("componentType",
                    5124));

            assertThat(rejected.details()).containsEntry("rule", "property-invalid")
                    .containsEntry("pointer", "/accessors/0/componentType");
        }

        @Test
        void shouldRejectAnUnknownAccessorType() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/accessors/0").put("type", "VEC5"));

            assertThat(rejected.details()).containsEntry("pointer", "/accessors/0/type");
        }

        @Test
        void shouldRejectAnEmptyBuffer() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/buffers/0").put("byteLength", 0));

            assertThat(rejected.details()).containsEntry("rule", "property-invalid")
                    .containsEntry("pointer", "/buffers/0/byteLength");
        }

        @Test
        void shouldRejectAnEmbeddedImageWithoutMediaType() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/images/0").remove("mimeType"));

            assertThat(rejected.rule()).isEqualTo("image-mime-type");
        }

        @Test
        void shouldRejectAnEmbeddedImageOfAnotherTypeThanDeclared() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/images/0").put("mimeType",
                    "image/jpeg"));

            assertThat(rejected.rule()).isEqualTo("image-mime-type");
        }
    }

    @Nested
    class References {

        static Stream<Arguments> badReferences() {
            return Stream.of(
                    Arguments.of("POSITION accessor", "/meshes/0/primitives/0/attributes/POSITION", 99),
                    Arguments.of("indices accessor", "/meshes/0/primitives/0/indices", 4),
                    Arguments.of("primitive material", "/meshes/0/primitives/0/material", 1),
                    Arguments.of("node mesh", "/nodes/0/mesh", 1),
                    Arguments.of("scene root", "/scenes/0/nodes/0", 5),
                    Arguments.of("default scene", "/scene", 1),
                    Arguments.of("texture source", "/textures/0/source", 1),
                    Arguments.of("texture sampler", "/textures/0/sampler", 3),
                    Arguments.of("material texture", "/materials/0/pbrMetallicRoughness/baseColorTexture/index", 1),
                    Arguments.of("image bufferView", "/images/0/bufferView", 9),
                    Arguments.of("accessor bufferView", "/accessors/1/bufferView", 5),
                    Arguments.of("bufferView buffer", "/bufferViews/1/buffer", 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badReferences")
        void shouldRejectAnIndexThatPointsNowhere(String what, String pointer, int index) {
            // given
            int slash = pointer.lastIndexOf('/');

            // when
            AssetRejectedException rejected = rejectionOf(json -> {
                String parent = pointer.substring(0, slash);
                String field = pointer.substring(slash + 1);
                if (parent.isEmpty()) {
                    json.put(field, index);
                } else if (json.at(parent).isArray()) {
                    array(json, parent).set(Integer.parseInt(field), index);
                } else {
                    at(json, parent).put(field, index);
                }
            });

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.details()).containsEntry("rule", "reference-out-of-range")
                    .containsEntry("pointer", pointer);
            assertThat(rejected.getMessage()).contains(pointer).contains(" " + index);
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAChildThatIsNotANode() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/nodes/0").putArray("children").add(7));

            assertThat(rejected.details()).containsEntry("pointer", "/nodes/0/children/0");
        }

        @Test
        void shouldRejectANodeCycle() {
            AssetRejectedException rejected = rejectionOf(json -> {
                array(json, "/nodes").addObject().putArray("children").add(2);
                array(json, "/nodes").addObject().putArray("children").add(1);
            });

            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.rule()).isEqualTo("node-cycle");
        }

        @Test
        void shouldRejectANodeThatIsItsOwnChild() {
            AssetRejectedException rejected = rejectionOf(json -> at(json, "/nodes/0").putArray("children").add(0));

            assertThat(rejected.rule()).isEqualTo("node-cycle");
        }

        @Test
        void shouldRejectANodeWithTwoParents() {
            AssetRejectedException rejected = rejectionOf(json -> {
                array(json, "/nodes").addObject().put("mesh", 0);
                at(json, "/nodes/0").putArray("children").add(1).add(1);
            });

            assertThat(rejected.details()).containsEntry("rule", "node-hierarchy")
                    .containsEntry("pointer", "/nodes/0/children/1");
        }

        @Test
        void shouldRejectASceneRootThatIsAChild() {
            AssetRejectedException rejected = rejectionOf(json -> {
                array(json, "/nodes").addObject().put("mesh", 0);
                at(json, "/nodes/0").putArray("children").add(1);
                array(json, "/scenes/0/nodes").add(1);
            });

            assertThat(rejected.rule()).isEqualTo("node-hierarchy");
        }
    }

    @Nested
    class Uris {

        @Test
        void shouldRejectARelativeUriBecauseAGlbIsSelfContained() {
            AssetRejectedException rejected = rejectionOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "extra.bin").put("byteLength", 4));

            assertThat(rejected.details()).containsEntry("rule", "external-uri-in-glb")
                    .containsEntry("pointer", "/buffers/1/uri");
        }

        @Test
        void shouldRejectAFileUri() {
            AssetRejectedException rejected = rejectionOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "file:///etc/passwd").put("byteLength", 4));

            assertThat(rejected.rule()).isEqualTo("uri-unsafe");
            assertThat(rejected.getMessage()).contains("'file:'");
        }

        @Test
        void shouldRejectADataUriOfAnotherLengthThanDeclared() {
            AssetRejectedException rejected = rejectionOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "data:application/octet-stream;base64,AAECAw==").put("byteLength", 8));

            assertThat(rejected.details()).containsEntry("rule", "buffer-length-mismatch")
                    .containsEntry("pointer", "/buffers/1");
        }

        @Test
        void shouldRejectADataUriThatIsNotBase64() {
            AssetRejectedException rejected = rejectionOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "data:application/octet-stream;base64,@@@@").put("byteLength", 3));

            assertThat(rejected.rule()).isEqualTo("data-uri-malformed");
        }

        @Test
        void shouldRejectDataUrisDecodingPastTheUnpackedLimit() throws IOException {
            ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxUnpackedBytes(8));

            AssetRejectedException rejected = rejectionOf(json -> array(json, "/buffers").addObject()
                    .put("uri", "data:application/octet-stream;base64,AAECAwQFBgcICQoLDA0ODw==")
                    .put("byteLength", 16));

            assertThat(rejected.problem()).isEqualTo(AssetProblem.PAYLOAD_TOO_LARGE);
            assertThat(rejected.rule()).isEqualTo("unpacked-too-large");
        }
    }

    /** Adds accessor 4: sparse over positions, its two indices read from the cube's index data at an offset. */
    private static void addSparseAccessor(ObjectNode json, int indicesOffset) {
        ObjectNode sparse = array(json, "/accessors").addObject().put("componentType", 5126).put("count", 24)
                .put("type", "VEC3").putObject("sparse").put("count", 2);
        sparse.putObject("indices").put("bufferView", 3).put("byteOffset", indicesOffset).put("componentType", 5123);
        sparse.putObject("values").put("bufferView", 0);
    }
}
