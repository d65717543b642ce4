package io.scenelog.edge.assets;

import static io.scenelog.edge.assets.Uploads.assertNothingStored;
import static io.scenelog.edge.assets.Uploads.ingest;
import static io.scenelog.edge.assets.Uploads.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenelog.model.AssetKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetIngestorImageTest {

    @TempDir
    Path root;

    private AssetIngestor ingestor;

    @BeforeEach
    void setUp() throws IOException {
        ingestor = new AssetIngestor(new BlobStore(root), AssetLimits.defaults());
    }

    @Test
    void shouldStoreAPng() throws IOException {
        // given
        byte[] png = GltfSamples.png(16, 8);

        // when
        IngestedAsset asset = ingest(ingestor, png);

        // then
        assertThat(asset.kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(asset.mediaType()).isEqualTo("image/png");
        assertThat(asset.sha256()).isEqualTo(Uploads.sha256(png));
        assertThat(asset.sizeBytes()).isEqualTo(png.length);
        assertThat(asset.dependencies()).isEmpty();
        assertThat(asset.summary()).isEmpty();
    }

    @Test
    void shouldStoreAJpeg() throws IOException {
        IngestedAsset asset = ingest(ingestor, GltfSamples.jpeg(16, 8));

        assertThat(asset.kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(asset.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void shouldJudgeByContentNotByName() throws IOException {
        IngestedAsset asset = ingestor.ingest(new ByteArrayInputStream(GltfSamples.png(2, 2)), "model.glb");

        assertThat(asset.mediaType()).isEqualTo("image/png");
    }

    @Test
    void shouldStoreIdenticalUploadsOnce() throws IOException {
        // given
        byte[] png = GltfSamples.png(4, 4);

        // when
        IngestedAsset first = ingest(ingestor, png);
        IngestedAsset second = ingest(ingestor, png);

        // then
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(Uploads.filesUnder(root)).hasSize(1);
    }

    @Test
    void shouldRejectAPngOfZeroWidth() {
        AssetRejectedException rejected = rejection(ingestor, withPngSize(GltfSamples.png(4, 4), 0, 4));

        assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
        assertThat(rejected.rule()).isEqualTo("image-dimensions");
        assertThat(rejected.getMessage()).contains("0 x 4");
        assertNothingStored(root);
    }

    @Test
    void shouldRejectAPngWiderThanAnyTexture() {
        AssetRejectedException rejected = rejection(ingestor, GltfSamples.png(16_385, 1));

        assertThat(rejected.rule()).isEqualTo("image-dimensions");
    }

    @Test
    void shouldRejectAJpegHigherThanAnyTexture() {
        AssetRejectedException rejected = rejection(ingestor, GltfSamples.jpeg(1, 16_385));

        assertThat(rejected.rule()).isEqualTo("image-dimensions");
    }

    @Test
    void shouldRejectAPngWithABrokenHeaderChecksum() {
        byte[] png = GltfSamples.png(4, 4);
        png[29] ^= 1;

        AssetRejectedException rejected = rejection(ingestor, png);

        assertThat(rejected.rule()).isEqualTo("png-malformed");
    }

    @Test
    void shouldRejectAPngCutBeforeItsHeader() {
        AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(GltfSamples.png(4, 4), 20));

        assertThat(rejected.rule()).isEqualTo("png-malformed");
        assertNothingStored(root);
    }

    @Test
    void shouldRejectAJpegWithoutFrameHeader() {
        // SOI, an APP0 segment, then end of image: no SOF anywhere.
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 6, 'J', 'F', 'I', 'F', (byte) 0xFF,
            (byte) 0xD9};

        AssetRejectedException rejected = rejection(ingestor, jpeg);

        assertThat(rejected.problem()).isEqualTo(AssetProblem.INVALID_ASSET);
        assertThat(rejected.rule()).isEqualTo("jpeg-malformed");
        assertNothingStored(root);
    }

    @Test
    void shouldRejectAJpegCutShort() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 60, 'J', 'F'};

        AssetRejectedException rejected = rejection(ingestor, jpeg);

        assertThat(rejected.rule()).isEqualTo("jpeg-malformed");
    }

    @Test
    void shouldRejectAnUnknownFormatWhateverItsName() {
        // given
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);

        // when
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ingestor.ingest(new ByteArrayInputStream(gif), "texture.png"));

        // then
        assertThat(rejected.problem()).isEqualTo(AssetProblem.UNSUPPORTED_MEDIA_TYPE);
        assertThat(rejected.rule()).isEqualTo("unknown-format");
        assertThat(rejected.getMessage()).startsWith("'texture.png' is not a format");
        assertNothingStored(root);
    }

    @Test
    void shouldRejectAnEmptyUpload() {
        AssetRejectedException rejected = rejection(ingestor, new byte[0]);

        assertThat(rejected.rule()).isEqualTo("unknown-format");
    }

    @Test
    void shouldRejectAnUploadOverTheCapAndDeleteWhatArrived() throws IOException {
        // given
        ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxUploadBytes(1024));

        // when
        AssetRejectedException rejected = rejection(ingestor, Arrays.copyOf(GltfSamples.png(64, 64), 1025));

        // then
        assertThat(rejected.problem()).isEqualTo(AssetProblem.PAYLOAD_TOO_LARGE);
        assertThat(rejected.details()).containsEntry("rule", "upload-too-large").containsEntry("limit", 1024L);
        assertThat(rejected.getMessage()).contains("1 KiB");
        assertNothingStored(root);
    }

    @Test
    void shouldStopReadingAnEndlessUploadAtTheCap() throws IOException {
        // given
        ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxUploadBytes(1 << 20));
        EndlessZeros endless = new EndlessZeros();

        // when
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ingestor.ingest(endless, "stream"));

        // then
        assertThat(rejected.rule()).isEqualTo("upload-too-large");
        assertThat(endless.served).isLessThan((1 << 20) + 128 * 1024);
        assertNothingStored(root);
    }

    @Test
    void shouldAcceptAnUploadOfExactlyTheCap() throws IOException {
        byte[] png = GltfSamples.png(4, 4);
        ingestor = new AssetIngestor(ingestor.store(), AssetLimits.defaults().withMaxUploadBytes(png.length));

        assertThat(ingest(ingestor, png).sizeBytes()).isEqualTo(png.length);
    }

    /** The PNG with other IHDR dimensions and a matching checksum. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer bytes = ByteBuffer.wrap(copy);
        bytes.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        bytes.putInt(29, (int) crc.getValue());
        return copy;
    }

    /** A client that never stops sending. */
    private static final class EndlessZeros extends InputStream {

        private long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            Arrays.fill(buffer, off, off + len, (byte) 0);
            served += len;
            return len;
        }
    }
}
