package io.scenelog.renderer.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoCodecTest {

    @Test
    void shouldPickH264ForChromesUsualPreferenceList() {
        assertThat(VideoCodec.firstSupported(List.of("avc1.42E01F", "vp8", "vp09.00.10.08")))
                .contains(VideoCodec.H264_CONSTRAINED_BASELINE);
    }

    @Test
    void shouldPickVp8WhenTheClientPrefersIt() {
        assertThat(VideoCodec.firstSupported(List.of("vp8", "avc1.42E01F"))).contains(VideoCodec.VP8);
    }

    @Test
    void shouldSkipCodecsWeDoNotEncode() {
        assertThat(VideoCodec.firstSupported(List.of("av01.0.04M.08", "vp09.00.10.08", "hvc1.1.6.L93.B0", "vp8")))
                .contains(VideoCodec.VP8);
    }

    @Test
    void shouldAcceptAnyBaselineH264LevelAndCase() {
        assertThat(VideoCodec.firstSupported(List.of("avc1.42e01e"))).contains(VideoCodec.H264_CONSTRAINED_BASELINE);
        assertThat(VideoCodec.firstSupported(List.of("AVC1.42001F"))).contains(VideoCodec.H264_CONSTRAINED_BASELINE);
    }

    @Test
    void shouldNotMistakeMainOrHighProfileForBaseline() {
        // Safari-like list: High and Main first, then Baseline
        assertThat(VideoCodec.firstSupported(List.of("avc1.640028", "avc1.4D401F", "avc1.42E01F")))
                .contains(VideoCodec.H264_CONSTRAINED_BASELINE);
        assertThat(VideoCodec.firstSupported(List.of("avc1.640028", "avc1.4D401F"))).isEmpty();
    }

    @Test
    void shouldFindNothingInAnEmptyOrForeignList() {
        assertThat(VideoCodec.firstSupported(List.of())).isEmpty();
        assertThat(VideoCodec.firstSupported(List.of("hev1.1.6.L93.B0", "av01.0.08M.08"))).isEmpty();
    }

    @Test
    void shouldNameTheWebCodecsStrings() {
        assertThat(VideoCodec.H264_CONSTRAINED_BASELINE.webCodecs()).isEqualTo("avc1.42E01F");
        assertThat(VideoCodec.VP8.webCodecs()).isEqualTo("vp8");
    }
}
