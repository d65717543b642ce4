package io.scenelog.edge.assets;

import static io.scenelog.edge.assets.Uploads.array;
import static io.scenelog.edge.assets.Uploads.assertNothingStored;
import static io.scenelog.edge.assets.Uploads.at;
import static io.scenelog.edge.assets.Uploads.ingest;
import static io.scenelog.edge.assets.Uploads.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetSummary;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetIngestorPackageTest {

    @TempDir
    Path root;

    private AssetIngestor ingestor;

    @BeforeEach
    void setUp() throws IOException {
        ingestor = new AssetIngestor(new BlobStore(root), AssetLimits.defaults());
    }

    /** The cube package's files, in order, for a test to change. */
    private static Map<String, byte[]> cubeEntries(JsonNode gltf) {
        GltfSamples.Gltf cube = GltfSamples.cubePackageParts();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(GltfSamples.PACKAGE_GLTF, GltfSamples.json(gltf == null ? cube.json() : gltf));
        entries.put(GltfSamples.PACKAGE_BIN, cube.bin());
        entries.put(GltfSamples.PACKAGE_PNG, GltfSamples.png(8, 8));
        return entries;
    }

    private static ObjectNode cubeJson() {
        return GltfSamples.cubePackageParts().json();
    }

    private JsonNode storedJson(IngestedAsset asset) throws IOException {
        try (InputStream in = ingestor.store().open(asset.sha256())) {
            return Uploads.readJson(in.readAllBytes());
        }
    }

    @Nested
    class Accepted {

        @Test
        void shouldStoreEachReferencedFileAndTheRewrittenGltf() throws IOException {
            // given
            Map<String, byte[]> entries = cubeEntries(null);
            String binSha = Uploads.sha256(entries.get(GltfSamples.PACKAGE_BIN));
            String pngSha = Uploads.sha256(entries.get(GltfSamples.PACKAGE_PNG));

            // when
            IngestedAsset asset = ingest(ingestor, GltfSamples.zip(entries));

            // then
            assertThat(asset.kind()).isEqualTo(AssetKind.GLTF_PACKAGE);
            assertThat(asset.mediaType()).isEqualTo("model/gltf+json");
            assertThat(asset.dependencies()).containsExactly(binSha, pngSha);
            JsonNode stored = storedJson(asset);
            assertThat(stored.at("/buffers/0/uri").asText()).isEqualTo("blobs/" + binSha);
            assertThat(stored.at("/images/0/uri").asText()).isEqualTo("blobs/" + pngSha);
            assertThat(ingestor.store().size(asset.sha256())).isEqualTo(asset.sizeBytes());
            try (InputStream bin = ingestor.store().open(binSha)) {
                assertThat(bin.readAllBytes()).isEqualTo(entries.get(GltfSamples.PACKAGE_BIN));
            }
        }

        @Test
        void shouldKeepEverythingButTheUrisOfTheGltfToTheDigit() throws IOException {
            // given
            ObjectNode gltf = cubeJson();
            gltf.putObject("extras").put("exact", new BigDecimal("0.10")).put("big", new BigDecimal("1e400"));

            // when
            IngestedAsset asset = ingest(ingestor, GltfSamples.packageZip(gltf));

            // then
            String stored;
            try (InputStream in = ingestor.store().open(asset.sha256())) {
                stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            at(gltf, "/buffers/0").put("uri", "blobs/" + asset.dependencies().get(0));
            at(gltf, "/images/0").put("uri", "blobs/" + asset.dependencies().get(1));
            assertThat(stored).isEqualTo(gltf.toString()).contains("\"exact\":0.10");
        }

        @Test
        void shouldSummariseThePackage() throws IOException {
            AssetSummary summary = ingest(ingestor, GltfSamples.texturedCubePackageZip()).summary().orElseThrow();

            assertThat(summary).isEqualTo(new AssetSummary(1, 1, 12L, 1));
        }

        @Test
        void shouldListAFileOnceWhenTwoUrisNameIt() throws IOException {
            ObjectNode gltf = cubeJson();
            array(gltf, "/images").addObject().put("uri", "./textures/../textures/cube.png");

            IngestedAsset asset = ingest(ingestor, GltfSamples.packageZip(gltf));

            assertThat(asset.dependencies()).hasSize(2);
            assertThat(storedJson(asset).at("/images/1/uri").asText()).isEqualTo("blobs/" + asset.dependencies()
                    .get(1));
        }

        @Test
        void shouldLeaveDataUrisAsTheyAre() throws IOException {
            ObjectNode gltf = cubeJson();
            String data = "data:application/octet-stream;base64,AAECAw==";
            array(gltf, "/buffers").addObject().put("uri", data).put("byteLength", 4);

            IngestedAsset asset = ingest(ingestor, GltfSamples.packageZip(gltf));

            assertThat(storedJson(asset).at("/buffers/1/uri").asText()).isEqualTo(data);
            assertThat(asset.dependencies()).hasSize(2);
        }

        @Test
        void shouldResolveUrisFromTheFolderOfTheGltf() throws IOException {
            // given
            ObjectNode gltf = cubeJson();
            at(gltf, "/buffers/0").put("uri", "../shared/cube%20data.bin");
            at(gltf, "/images/0").put("uri", "textures/cube.png");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("model/", new byte[0]);
            entries.put("model/scene.gltf", GltfSamples.json(gltf));
            entries.put("shared/cube data.bin", GltfSamples.cubePackageParts().bin());
            entries.put("model/textures/cube.png", GltfSamples.png(4, 4));

            // when
            IngestedAsset asset = ingest(ingestor, GltfSamples.zip(entries));

            // then
            assertThat(asset.dependencies()).hasSize(2);
        }

        @Test
        void shouldIgnoreFilesTheGltfDoesNotReferTo() throws IOException {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("docs/", new byte[0]);
            entries.put("docs/README.txt", "not part of the model".getBytes(StandardCharsets.UTF_8));

            IngestedAsset asset = ingest(ingestor, GltfSamples.zip(entries));

            assertThat(asset.dependencies()).hasSize(2);
            assertThat(Uploads.filesUnder(root)).hasSize(3);
        }
    }

    @Nested
    class UnsafeUris {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../x.bin", "/etc/passwd", "file:///etc/passwd", "http://x/y.bin", "https://x/y.bin",
            "%2e%2e/x.bin", "%2E%2E%2Fx.bin", "a%2f..%2f..%2fx.bin", "a\\..\\b", "C:/x.bin", "//host/share/x.bin",
            "textures/../../x.bin", "cube.bin?download=1", "%ZZ.bin", "%00cube.bin"})
        void shouldRejectABufferUriLeavingThePackage(String uri) {
            // given
            ObjectNode gltf = cubeJson();
            at(gltf, "/buffers/0").put("uri", uri);

            // when
            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.details()).containsEntry("rule", "uri-unsafe")
                    .containsEntry("pointer", "/buffers/0/uri");
            assertNothingStored(root);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../cube.png", "/etc/passwd", "file:///etc/passwd", "http://x/y.png",
            "%2e%2e/cube.png", "textures\\cube.png"})
        void shouldRejectAnImageUriLeavingThePackage(String uri) {
            ObjectNode gltf = cubeJson();
            at(gltf, "/images/0").put("uri", uri);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            assertThat(rejected.details()).containsEntry("rule", "uri-unsafe")
                    .containsEntry("pointer", "/images/0/uri");
        }

        @Test
        void shouldRejectAUriNamingNoFileOfThePackage() {
            ObjectNode gltf = cubeJson();
            at(gltf, "/buffers/0").put("uri", "missing.bin");

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            assertThat(rejected.details()).containsEntry("rule", "uri-not-found")
                    .containsEntry("pointer", "/buffers/0/uri");
            assertThat(rejected.getMessage()).contains("missing.bin");
        }

        @Test
        void shouldRejectABufferFileOfAnotherLengthThanDeclared() {
            ObjectNode gltf = cubeJson();
            at(gltf, "/buffers/0").put("byteLength", 844);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            assertThat(rejected.rule()).isEqualTo("buffer-length-mismatch");
        }

        @Test
        void shouldRejectABufferWithoutUri() {
            ObjectNode gltf = cubeJson();
            at(gltf, "/buffers/0").remove("uri");

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            assertThat(rejected.details()).containsEntry("rule", "property-missing")
                    .containsEntry("pointer", "/buffers/0/uri");
        }

        @Test
        void shouldRejectAnImageThatIsNeitherPngNorJpeg() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put(GltfSamples.PACKAGE_PNG, "GIF89a not really".getBytes(StandardCharsets.US_ASCII));

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.details()).containsEntry("rule", "image-format")
                    .containsEntry("pointer", "/images/0");
            assertNothingStored(root);
        }
    }

    @Nested
    class Zip {

        @Test
        void shouldStopInflatingAZipBombAtTheLimit() throws IOException {
            // given: 16 MiB of zeros deflate to a few KiB
            ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxUnpackedBytes(1 << 20));
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("zeros.bin", new byte[16 << 20]);
            byte[] bomb = GltfSamples.zip(entries);

            // when
            AssetRejectedException rejected = rejection(ingestor, bomb);

            // then
            assertThat(bomb.length).isLessThan(64 * 1024);
            assertThat(rejected.problem()).isEqualTo(AssetProblem.PAYLOAD_TOO_LARGE);
            assertThat(rejected.details()).containsEntry("rule", "unpacked-too-large")
                    .containsEntry("entry", "zeros.bin").containsEntry("limit", 1L << 20);
            assertNothingStored(root);
        }

        @Test
        void shouldRejectMoreEntriesThanTheLimit() throws IOException {
            // given: directories count too
            ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxEntries(10));
            Map<String, byte[]> entries = cubeEntries(null);
            for (int i = 0; i < 8; i++) {
                entries.put("padding/" + i + "/", new byte[0]);
            }

            // when
            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.PAYLOAD_TOO_LARGE);
            assertThat(rejected.details()).containsEntry("rule", "too-many-entries").containsEntry("limit", 10);
            assertNothingStored(root);
        }

        @Test
        void shouldAcceptExactlyTheLimitOfEntries() throws IOException {
            ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxEntries(3));

            assertThat(ingest(ingestor, GltfSamples.texturedCubePackageZip()).dependencies()).hasSize(2);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../evil.bin", "/etc/evil.bin", "a\\..\\evil.bin", "C:/evil.bin", "c:evil.bin",
            "textures/../cube.bin", "textures/../../evil.bin", "..", "bad\u0000name.bin"})
        void shouldRejectAnUnsafeEntryName(String name) {
            // given
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put(name, new byte[] {1, 2, 3, 4});

            // when
            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            // then
            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.details()).containsEntry("rule", "unsafe-entry-name").containsEntry("entry", name);
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAnUnsafeDirectoryEntryToo() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("../outside/", new byte[0]);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.rule()).isEqualTo("unsafe-entry-name");
        }

        @Test
        void shouldRejectTheSameNameTwice() {
            // given: ZipOutputStream refuses duplicates, so write two names and make the second equal the first
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("cube.bix", new byte[] {1, 2, 3, 4});
            byte[] zip = replaceAll(GltfSamples.zip(entries), "cube.bix", "cube.bin");

            // when
            AssetRejectedException rejected = rejection(ingestor, zip);

            // then
            assertThat(rejected.details()).containsEntry("rule", "duplicate-entry").containsEntry("entry", "cube.bin");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectNamesThatAreTheSameOnceNormalised() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("./textures//cube.png", GltfSamples.png(2, 2));

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.details()).containsEntry("rule", "duplicate-entry")
                    .containsEntry("entry", "textures/cube.png");
        }

        @Test
        void shouldRejectAZipWithoutGltf() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.remove(GltfSamples.PACKAGE_GLTF);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.rule()).isEqualTo("package-gltf-missing");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAZipWithTwoGltfs() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put("other/Copy.GLTF", entries.get(GltfSamples.PACKAGE_GLTF));

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.rule()).isEqualTo("package-gltf-ambiguous");
            assertThat(rejected.getMessage()).contains("cube.gltf").contains("other/Copy.GLTF");
        }

        @Test
        void shouldRejectATruncatedZip() {
            byte[] zip = GltfSamples.texturedCubePackageZip();

            AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(zip, zip.length / 2));

            assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
            assertThat(rejected.rule()).isIn("zip-malformed", "package-gltf-missing");
            assertNothingStored(root);
        }

        @Test
        void shouldRejectAGltfThatIsNotJson() {
            Map<String, byte[]> entries = cubeEntries(null);
            entries.put(GltfSamples.PACKAGE_GLTF, "{\"asset\": ".getBytes(StandardCharsets.UTF_8));

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.zip(entries));

            assertThat(rejected.rule()).isEqualTo("json-malformed");
        }

        @Test
        void shouldRejectAnAccessorOutOfBoundsInAPackage() {
            ObjectNode gltf = cubeJson();
            at(gltf, "/accessors/1").put("count", 25);

            AssetRejectedException rejected = rejection(ingestor, GltfSamples.packageZip(gltf));

            assertThat(rejected.details()).containsEntry("rule", "accessor-out-of-bounds")
                    .containsEntry("pointer", "/accessors/1");
            assertNothingStored(root);
        }
    }

    private static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = bytes.clone();
        for (int i = 0; i + needle.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, out, i, replacement.length);
            }
        }
        return out;
    }
}
