package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StepResultTest {

    @Test
    void shouldTakeTheSlowestStreamAsTheMinimumAndTheMiddleOnesAsTheMedian() {
        // given
        StepResult odd = StepResult.measured(List.of(30.0, 27.0, 29.5), OptionalDouble.empty());
        StepResult even = StepResult.measured(List.of(30.0, 28.0, 29.0, 26.0), OptionalDouble.empty());

        // then
        assertThat(odd.minFps()).hasValue(27.0);
        assertThat(odd.medianFps()).hasValue(29.5);
        assertThat(even.minFps()).hasValue(26.0);
        assertThat(even.medianFps()).hasValue(28.5);
    }

    @Test
    void shouldHoldOnlyWhenEveryStreamReachesTheMinimum() {
        assertThat(StepResult.measured(List.of(30.0, 29.0), OptionalDouble.empty()).holds(29)).isTrue();
        assertThat(StepResult.measured(List.of(30.0, 28.9), OptionalDouble.empty()).holds(29)).isFalse();
    }

    @Test
    void shouldNeverHoldAStepThatWasNotMeasured() {
        // given
        StepResult failed = StepResult.failed(2, "stream 2 had no frame");

        // then
        assertThat(failed.holds(1)).isFalse();
        assertThat(failed.minFps()).isEmpty();
        assertThat(failed.medianFps()).isEmpty();
        assertThat(failed.failure()).contains("stream 2 had no frame");
    }

    @Test
    void shouldRefuseAMeasuredStepWithoutARatePerStream() {
        assertThatThrownBy(() -> new StepResult(3, List.of(30.0), OptionalDouble.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 streams has 1 rates");
    }
}
