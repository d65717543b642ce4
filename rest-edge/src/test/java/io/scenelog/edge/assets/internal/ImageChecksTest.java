package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenelog.edge.assets.AssetRejectedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ImageChecksTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void shouldFindAProgressiveFrameHeaderAfterFillBytesAndStandaloneMarkers() throws IOException {
        // SOI, APP0 (4 bytes), fill bytes, RST0, SOF2 640 x 480
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 2, 0xFF, 0xFF, 0xFF, 0xD0, 0xFF, 0xC2, 0, 11, 8,
                0x01, 0xE0, 0x02, 0x80, 3, 0, 0, 0, 0);

        String mediaType = ImageChecks.check(BinarySource.of(jpeg), "Image 0", "/images/0");

        assertThat(mediaType).isEqualTo("image/jpeg");
    }

    @Test
    void shouldNotTakeAHuffmanTableForAFrameHeader() {
        // DHT (C4) shares the SOF range; then the scan starts without any frame header
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xC4, 0, 7, 0, 0, 0, 0, 0, 0xFF, 0xDA, 0, 2);

        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ImageChecks.check(BinarySource.of(jpeg), "Image 0", "/images/0"));

        assertThat(rejected.details()).containsEntry("rule", "jpeg-malformed").containsEntry("pointer", "/images/0");
    }

    @Test
    void shouldRejectAJpegWithZeroHeight() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 16, 1, 1, 0x11, 0);

        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ImageChecks.check(BinarySource.of(jpeg), "Image 0", null));

        assertThat(rejected.rule()).isEqualTo("image-dimensions");
        assertThat(rejected.details()).doesNotContainKey("pointer");
    }

    @Test
    void shouldRejectBytesThatAreNeitherPngNorJpeg() {
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ImageChecks.check(BinarySource.of(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0)), "Image 1",
                        "/images/1"));

        assertThat(rejected.rule()).isEqualTo("image-format");
    }
}
