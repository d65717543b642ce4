package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LadderTest {

    private final List<Integer> asked = new ArrayList<>();

    @Test
    void shouldStopAtTheFirstStepWhereAStreamFallsBelowTheMinimum() throws InterruptedException {
        // given: up to 3 streams deliver 30 fps, the 4th step has one stream at 28.5
        Ladder ladder = new Ladder(8, 29);

        // when
        Ladder.Climb climb = ladder.climb(k -> step(k, k < 4 ? 30.0 : 28.5));

        // then
        assertThat(asked).containsExactly(1, 2, 3, 4);
        assertThat(climb.held()).isEqualTo(3);
        assertThat(climb.topped()).isFalse();
        assertThat(climb.heldLabel()).isEqualTo("3");
        assertThat(climb.steps()).hasSize(4);
    }

    @Test
    void shouldHoldTheMaximumWhenEveryStepHolds() throws InterruptedException {
        // given
        Ladder ladder = new Ladder(3, 29);

        // when
        Ladder.Climb climb = ladder.climb(k -> step(k, 29.0));

        // then: exactly the minimum holds, and the label says the machine may hold more
        assertThat(asked).containsExactly(1, 2, 3);
        assertThat(climb.held()).isEqualTo(3);
        assertThat(climb.topped()).isTrue();
        assertThat(climb.heldLabel()).isEqualTo(">= 3");
    }

    @Test
    void shouldHoldNothingWhenTheFirstStepFails() throws InterruptedException {
        // given
        Ladder ladder = new Ladder(8, 29);

        // when
        Ladder.Climb climb = ladder.climb(k -> {
            asked.add(k);
            return StepResult.failed(k, "session was not running in time");
        });

        // then
        assertThat(asked).containsExactly(1);
        assertThat(climb.held()).isZero();
        assertThat(climb.topped()).isFalse();
    }

    private StepResult step(int streams, double slowest) {
        asked.add(streams);
        List<Double> fps = new ArrayList<>(Collections.nCopies(streams - 1, 30.0));
        fps.add(slowest);
        return StepResult.measured(fps, OptionalDouble.of(0.5));
    }
}
