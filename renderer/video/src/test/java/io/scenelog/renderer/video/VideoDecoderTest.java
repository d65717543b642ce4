package io.scenelog.renderer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoDecoderTest {

    @Test
    void shouldRefuseBytesThatAreNotVp8AndStayUsable() {
        // given
        QuadrantPattern pattern = new QuadrantPattern(320, 180);
        byte[] keyFrame;
        try (VideoEncoder encoder = VideoEncoders.open(new EncoderSettings(VideoCodec.VP8, 320, 180, 30, 300, 30))) {
            keyFrame = encoder.encode(pattern.frame(0), 0, false).data();
        }
        try (VideoDecoder decoder = VideoDecoders.open(VideoCodec.VP8)) {
            // when / then
            assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2, 3}))
                    .isInstanceOf(VideoCodecException.class).hasMessageContaining("avcodec_send_packet(VP8, 3 bytes)");
            assertThat(decoder.decode(keyFrame)).isPresent();
        }
    }

    @Test
    void shouldRefuseToDecodeAfterClose() {
        VideoDecoder decoder = VideoDecoders.open(VideoCodec.H264_CONSTRAINED_BASELINE);
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(new byte[] {0, 0, 1, 0x65}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
