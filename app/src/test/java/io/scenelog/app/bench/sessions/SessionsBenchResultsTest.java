package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.renderer.video.VideoCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SessionsBenchResultsTest {

    private static final StreamSize SIZE = new StreamSize(640, 360);

    @Test
    void shouldReportSessionsHeldOverBareStreamsHeld() {
        // given: the platform held 2 sessions (the 3rd step fell short), the bare loops 4 (the 5th failed)
        Ladder.Climb platform = new Ladder.Climb(List.of(step(30.0), step(30.0, 29.4), step(30.0, 29.2, 27.0)), 2,
                false);
        Ladder.Climb bare = new Ladder.Climb(List.of(step(30.0), step(30.0, 30.0), step(30.0, 30.0, 30.0),
                step(30.0, 30.0, 30.0, 29.5), StepResult.failed(5, "stream 5 had no frame")), 4, false);
        SessionsBenchResults results = results(new SizeResult(SIZE, platform, Optional.of(bare)));

        // then
        assertThat(results.sizes().get(0).ratio()).hasValue(0.5);
        assertThat(results.table()).contains("360p30", "0.50", "stream 5 had no frame");
        assertThat(results.markdown()).contains("| 360p30 (640x360) | 2 | 4 | **0.50** |");
        Map<String, Object> json = results.json();
        assertThat(json).containsEntry("codec", "avc1.42E01F").containsEntry("fps", 30);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) json.get("sizes")).get(0);
        assertThat(row).containsEntry("sessionsHeld", 2).containsEntry("bareStreamsHeld", 4)
                .containsEntry("ratio", 0.5);
        assertThat((List<?>) row.get("platformSteps")).hasSize(3);
        assertThat((List<?>) row.get("bareSteps")).hasSize(5);
    }

    @Test
    void shouldGiveNoRatioWithoutAPeer() {
        // given
        Ladder.Climb platform = new Ladder.Climb(List.of(step(30.0)), 1, true);
        SessionsBenchResults results = results(new SizeResult(SIZE, platform, Optional.empty()));

        // then
        assertThat(results.sizes().get(0).ratio()).isEmpty();
        assertThat(results.table()).contains(">= 1");
        assertThat(results.json().toString()).contains("ratio=null");
    }

    private static StepResult step(Double... fps) {
        return StepResult.measured(List.of(fps), OptionalDouble.of(0.8));
    }

    private static SessionsBenchResults results(SizeResult size) {
        SessionsBenchSettings settings = new SessionsBenchSettings(List.of(SIZE), VideoCodec.H264_CONSTRAINED_BASELINE,
                30, 29, 8, Duration.ofSeconds(90), Duration.ofSeconds(5), Duration.ofSeconds(10), 3, true,
                Optional.empty(), Optional.empty());
        return new SessionsBenchResults(settings, "render node", 2, 9, "3 bodies moved",
                OptionalDouble.of(0.3), List.of(size));
    }
}
