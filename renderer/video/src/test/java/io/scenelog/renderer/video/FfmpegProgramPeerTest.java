package io.scenelog.renderer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegProgramPeerTest {

    private static final FfmpegProgramPeer PEER = FfmpegProgramPeer.load();

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void shouldEncodeOnePacketPerFrameWithTheSameSettingsAsOurEncoder(VideoCodec codec) {
        // given
        QuadrantPattern pattern = new QuadrantPattern(640, 360);
        List<ByteBuffer> frames = IntStream.range(0, 30).mapToObj(pattern::frame).toList();
        EncoderSettings settings = new EncoderSettings(codec, 640, 360, 30, 800, 10);
        // when
        FfmpegProgramPeer.Run run = PEER.encode(settings, frames);
        // then
        assertThat(run.frames()).isEqualTo(30);
        assertThat(run.keyFrames()).as("key frames every 10 frames").isEqualTo(3);
        assertThat(run.bytes()).isPositive();
        assertThat(run.wallNanosPerFrame()).isPositive();
        assertThat(run.userNanosPerFrame()).as("-benchmark utime read").isPositive();
    }

    @Test
    void shouldProduceAboutAsManyBytesAsOurEncoder() {
        // given: the same frames, codec and options through both
        QuadrantPattern pattern = new QuadrantPattern(640, 360);
        EncoderSettings settings = new EncoderSettings(VideoCodec.VP8, 640, 360, 30, 800, 300);
        List<ByteBuffer> frames = IntStream.range(0, 30).mapToObj(pattern::frame).toList();
        long ours = 0;
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            for (int i = 0; i < frames.size(); i++) {
                ours += encoder.encode(frames.get(i), i * 33_333L, false).data().length;
            }
        }
        // when
        FfmpegProgramPeer.Run run = PEER.encode(settings, frames);
        // then: not byte-identical (timestamps differ), but the same encoder and rate control
        assertThat((double) run.bytes() / ours).isBetween(0.5, 2.0);
    }

    @Test
    void shouldRefuseARawFileThatDoesNotHoldWholeFrames() throws Exception {
        // given: one frame and a half
        Path raw = Files.createTempFile("frame-and-a-half", ".rgba");
        try {
            Files.write(raw, new byte[320 * 180 * 6]);
            EncoderSettings settings = new EncoderSettings(VideoCodec.VP8, 320, 180, 30, 300, 30);
            // when / then
            assertThatThrownBy(() -> PEER.encode(settings, raw)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("345600 bytes").hasMessageContaining("320x180 frames of 230400 bytes");
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
