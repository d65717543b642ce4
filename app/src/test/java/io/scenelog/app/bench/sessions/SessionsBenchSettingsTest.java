package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.renderer.video.VideoCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsBenchSettingsTest {

    private static final List<StreamSize> SIZES = List.of(new StreamSize(640, 360));

    @Test
    void shouldAcceptTheDefaults() {
        // when
        SessionsBenchSettings settings = settings(30, 29, 8, Duration.ofSeconds(10));

        // then
        assertThat(settings.codecLabel()).isEqualTo("h264");
        assertThat(settings.sizes()).containsExactly(new StreamSize(640, 360));
    }

    @Test
    void shouldRefuseAMinimumAboveTheStreamRate() {
        assertThatThrownBy(() -> settings(30, 31, 8, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--min-fps 31.0");
    }

    @Test
    void shouldRefuseSessionCountsANodeCannotTake() {
        assertThatThrownBy(() -> settings(30, 29, 0, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-sessions 0");
        assertThatThrownBy(() -> settings(30, 29, 65, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-sessions 65");
    }

    @Test
    void shouldRefuseAWindowTooShortToTellTheRates() {
        assertThatThrownBy(() -> settings(30, 29, 8, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--window");
    }

    @Test
    void shouldRefuseANegativePlatformWarmup() {
        assertThatThrownBy(() -> new SessionsBenchSettings(SIZES, VideoCodec.H264_CONSTRAINED_BASELINE, 30, 29, 4,
                Duration.ofSeconds(-1), Duration.ofSeconds(5), Duration.ofSeconds(10), 3, true, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--platform-warmup");
    }

    @Test
    void shouldReadCodecNamesAndRefuseOthers() {
        assertThat(SessionsBenchSettings.codec("VP8")).isEqualTo(VideoCodec.VP8);
        assertThat(SessionsBenchSettings.codec("h264")).isEqualTo(VideoCodec.H264_CONSTRAINED_BASELINE);
        assertThatThrownBy(() -> SessionsBenchSettings.codec("hevc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hevc'");
    }

    @Test
    void shouldReadSizesAndRefuseOddOrMalformedOnes() {
        assertThat(StreamSize.parse(" 1280x720 ")).isEqualTo(new StreamSize(1280, 720));
        assertThat(StreamSize.parse("640X360").label(30)).isEqualTo("360p30");
        assertThatThrownBy(() -> StreamSize.parse("641x360")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even");
        assertThatThrownBy(() -> StreamSize.parse("720p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'720p'");
    }

    private static SessionsBenchSettings settings(int fps, double minFps, int maxSessions, Duration window) {
        return new SessionsBenchSettings(SIZES, VideoCodec.H264_CONSTRAINED_BASELINE, fps, minFps, maxSessions,
                Duration.ofSeconds(90), Duration.ofSeconds(5), window, 3, true, Optional.empty(), Optional.empty());
    }
}
