package io.scenelog.renderer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.renderer.video.internal.AnnexB;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class VideoEncoderTest {

    private static final int FPS = 30;
    private static final long FRAME_MICROS = 1_000_000L / FPS;

    static Stream<Arguments> codecsAndSizes() {
        return Stream.of(VideoCodec.values()).flatMap(codec -> Stream.of(
                Arguments.of(codec, 640, 360, 800),
                Arguments.of(codec, 1280, 720, 2500)));
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("codecsAndSizes")
    void shouldDecodeEveryFrameBackToItsQuadrantColours(VideoCodec codec, int width, int height, int kbps) {
        // given
        QuadrantPattern pattern = new QuadrantPattern(width, height);
        List<EncodedFrame> encoded = new ArrayList<>();
        // when
        try (VideoEncoder encoder = VideoEncoders.open(new EncoderSettings(codec, width, height, FPS, kbps, 300))) {
            for (int i = 0; i < 30; i++) {
                encoded.add(encoder.encode(pattern.frame(i), i * FRAME_MICROS, false));
            }
        }
        // then
        assertThat(encoded).hasSize(30);
        assertThat(encoded.get(0).keyFrame()).as("first frame is a key frame").isTrue();
        try (VideoDecoder decoder = VideoDecoders.open(codec)) {
            for (int i = 0; i < encoded.size(); i++) {
                Optional<DecodedFrame> decoded = decoder.decode(encoded.get(i).data());
                assertThat(decoded).as("frame %d decodes at once", i).isPresent();
                assertThat(decoded.get().width()).isEqualTo(width);
                assertThat(decoded.get().height()).isEqualTo(height);
                assertQuadrants(pattern, i, decoded.get());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void shouldMakeAForcedKeyFrameThatDecodesAlone(VideoCodec codec) {
        // given
        QuadrantPattern pattern = new QuadrantPattern(640, 360);
        EncodedFrame forced;
        List<EncodedFrame> before = new ArrayList<>();
        try (VideoEncoder encoder = VideoEncoders.open(new EncoderSettings(codec, 640, 360, FPS, 800, 1000))) {
            for (int i = 0; i < 12; i++) {
                before.add(encoder.encode(pattern.frame(i), i * FRAME_MICROS, false));
            }
            // when
            forced = encoder.encode(pattern.frame(12), 12 * FRAME_MICROS, true);
        }
        // then
        assertThat(before.subList(1, before.size())).as("no key frames before the request")
                .noneMatch(EncodedFrame::keyFrame);
        assertThat(forced.keyFrame()).isTrue();
        try (VideoDecoder joiningViewer = VideoDecoders.open(codec)) {
            Optional<DecodedFrame> decoded = joiningViewer.decode(forced.data());
            assertThat(decoded).as("forced key frame decodes without earlier frames").isPresent();
            assertQuadrants(pattern, 12, decoded.get());
        }
    }

    @Test
    void shouldPutStartCodeAndParameterSetsInEveryH264KeyFrame() {
        // given
        QuadrantPattern pattern = new QuadrantPattern(640, 360);
        List<EncodedFrame> frames = new ArrayList<>();
        EncoderSettings settings = new EncoderSettings(VideoCodec.H264_CONSTRAINED_BASELINE, 640, 360, FPS, 800, 10);
        // when
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            for (int i = 0; i < 30; i++) {
                frames.add(encoder.encode(pattern.frame(i), i * FRAME_MICROS, i == 15));
            }
        }
        // then: key frames on request (15) and never more than the interval apart (a forced one restarts the count)
        List<Integer> keyIndexes = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            byte[] data = frames.get(i).data();
            assertThat(AnnexB.startsWithStartCode(data)).as("frame %d is Annex B", i).isTrue();
            if (frames.get(i).keyFrame()) {
                keyIndexes.add(i);
                assertThat(AnnexB.types(data)).as("key frame %d", i)
                        .startsWith(AnnexB.SPS, AnnexB.PPS).contains(AnnexB.IDR);
            } else {
                assertThat(AnnexB.types(data)).as("delta frame %d", i).doesNotContain(AnnexB.IDR);
            }
        }
        assertThat(keyIndexes).contains(0, 10, 15);
        for (int k = 1; k < keyIndexes.size(); k++) {
            assertThat(keyIndexes.get(k) - keyIndexes.get(k - 1)).as("key frames %s", keyIndexes)
                    .isLessThanOrEqualTo(10);
        }
        assertThat(frames.size() - keyIndexes.get(keyIndexes.size() - 1)).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldSignalConstrainedBaselineWithinLevel31At720p() {
        // given
        EncoderSettings settings = new EncoderSettings(VideoCodec.H264_CONSTRAINED_BASELINE, 1280, 720, FPS, 2500, 60);
        byte[] keyFrame;
        // when
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            keyFrame = encoder.encode(new QuadrantPattern(1280, 720).frame(0), 0, false).data();
        }
        // then: the SPS starts profile_idc, constraint flags, level_idc (avc1.42E01F: 66, set1 = constrained, 3.1)
        AnnexB.Nal sps = AnnexB.units(keyFrame).get(0);
        assertThat(sps.type()).isEqualTo(AnnexB.SPS);
        int header = sps.start() + (keyFrame[sps.start() + 2] == 1 ? 3 : 4);
        assertThat(keyFrame[header + 1] & 0xFF).as("profile_idc").isEqualTo(66);
        assertThat(keyFrame[header + 2] & 0x40).as("constraint_set1_flag").isNotZero();
        assertThat(keyFrame[header + 3] & 0xFF).as("level_idc").isBetween(10, 31);
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void shouldRoughlyHonourTheBitrateOverTwoSeconds(VideoCodec codec) {
        // given: content that changes everywhere every frame, so the encoder spends all it is allowed
        int kbps = 800;
        NoisePattern noise = new NoisePattern(640, 360);
        long bytes = 0;
        // when
        try (VideoEncoder encoder = VideoEncoders.open(new EncoderSettings(codec, 640, 360, FPS, kbps, 60))) {
            for (int i = 0; i < 2 * FPS; i++) {
                bytes += encoder.encode(noise.frame(i), i * FRAME_MICROS, false).data().length;
            }
        }
        // then
        double actualKbps = bytes * 8 / 2.0 / 1000;
        assertThat(actualKbps).as("kbit/s over 2 s for a %d kbit/s target", kbps).isBetween(kbps * 0.5, kbps * 1.5);
    }

    @Test
    void shouldEncodeHeapBuffersLikeDirectOnes() {
        // given
        QuadrantPattern pattern = new QuadrantPattern(320, 180);
        EncoderSettings settings = new EncoderSettings(VideoCodec.VP8, 320, 180, FPS, 300, 100);
        EncodedFrame encoded;
        // when
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            encoded = encoder.encode(pattern.heapFrame(3), 0, false);
        }
        // then
        try (VideoDecoder decoder = VideoDecoders.open(VideoCodec.VP8)) {
            assertQuadrants(pattern, 3, decoder.decode(encoded.data()).orElseThrow());
        }
        assertThat(encoded.convertNanos()).isPositive();
        assertThat(encoded.encodeNanos()).isPositive();
        assertThat(encoded.timestampMicros()).isZero();
    }

    @Test
    void shouldRefuseABufferOfAnotherFrameSize() {
        EncoderSettings settings = new EncoderSettings(VideoCodec.H264_CONSTRAINED_BASELINE, 320, 180, FPS, 300, 100);
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            ByteBuffer wrongSize = ByteBuffer.allocateDirect(640 * 360 * 4);
            assertThatThrownBy(() -> encoder.encode(wrongSize, 0, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("921600").hasMessageContaining("230400").hasMessageContaining("320x180");
            // the encoder is still usable after refusing bad input
            assertThat(encoder.encode(new QuadrantPattern(320, 180).frame(0), 0, false).keyFrame()).isTrue();
        }
    }

    @Test
    void shouldRefuseATimestampThatDoesNotAdvance() {
        EncoderSettings settings = new EncoderSettings(VideoCodec.VP8, 320, 180, FPS, 300, 100);
        QuadrantPattern pattern = new QuadrantPattern(320, 180);
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            encoder.encode(pattern.frame(0), 1000, false);
            assertThatThrownBy(() -> encoder.encode(pattern.frame(1), 1000, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 us");
        }
    }

    @Test
    void shouldRefuseToEncodeAfterClose() {
        EncoderSettings settings = new EncoderSettings(VideoCodec.VP8, 320, 180, FPS, 300, 100);
        VideoEncoder encoder = VideoEncoders.open(settings);
        encoder.close();
        assertThatThrownBy(() -> encoder.encode(new QuadrantPattern(320, 180).frame(0), 0, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldRefuseOddSizesInTheSettings() {
        assertThatThrownBy(() -> new EncoderSettings(VideoCodec.VP8, 641, 360, FPS, 800, 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width must be even");
    }

    private static void assertQuadrants(QuadrantPattern pattern, int index, DecodedFrame decoded) {
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            int[] point = pattern.sample(index, quadrant);
            Colours.assertClose(decoded, point[0], point[1], pattern.colour(quadrant),
                    "frame " + index + " quadrant " + quadrant);
        }
    }
}
