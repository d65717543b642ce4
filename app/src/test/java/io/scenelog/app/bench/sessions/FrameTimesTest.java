package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameTimesTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldCountTheArrivalsInsideTheWindowOverItsLength() {
        // given: 30 frames a second for 3 s, from t = 1 s
        FrameTimes frames = new FrameTimes();
        for (int n = 0; n < 90; n++) {
            frames.arrived(SECOND + n * SECOND / 30);
        }

        // when: a 2 s window in the middle
        double fps = frames.framesPerSecond(SECOND + SECOND / 2, SECOND * 5 / 2 + SECOND);

        // then
        assertThat(fps).isCloseTo(30.0, within(0.5));
        assertThat(frames.count()).isEqualTo(90);
    }

    @Test
    void shouldShowAStreamThatStallsInTheWindow() {
        // given: 30 fps for the first second of a 2 s window, then nothing
        long[] arrivals = new long[30];
        for (int n = 0; n < arrivals.length; n++) {
            arrivals[n] = n * SECOND / 30;
        }

        // when
        double fps = FrameTimes.rate(arrivals, 0, 2 * SECOND);

        // then: half the rate, where the spacing of the frames alone would say 30
        assertThat(fps).isCloseTo(15.0, within(0.01));
    }

    @Test
    void shouldLeaveOutFramesBeforeAndAfterTheWindow() {
        assertThat(FrameTimes.rate(new long[] {-1, 0, SECOND - 1, SECOND}, 0, SECOND)).isEqualTo(2.0);
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> FrameTimes.rate(new long[0], SECOND, SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends");
    }

    @Test
    void shouldReportWhetherTheFramesArrivedBeforeTheDeadline() throws InterruptedException {
        // given
        FrameTimes frames = new FrameTimes();
        frames.arrived(1);

        // then: one is there at once; a second never comes before a deadline already past
        assertThat(frames.awaitCount(1, System.nanoTime())).isTrue();
        assertThat(frames.awaitCount(2, System.nanoTime())).isFalse();
    }
}
