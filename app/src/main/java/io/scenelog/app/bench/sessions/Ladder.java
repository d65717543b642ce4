package io.scenelog.app.bench.sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps the number of streams 1, 2, 3, ... up to a maximum, and stops at the first step where some stream delivers
 * less than the minimum rate: the step before it is what the machine holds.
 */
final class Ladder {

    /** Measures one step of {@code streams} streams at once. */
    @FunctionalInterface
    interface Step {
        StepResult run(int streams) throws InterruptedException;
    }

    /**
     * What a ladder climbed to.
     *
     * @param steps   every step run, in order
     * @param held    the most streams at once that all held the rate (0 when even one did not)
     * @param topped  whether the last step run was the maximum and it held: the machine may hold more
     */
    record Climb(List<StepResult> steps, int held, boolean topped) {

        Climb {
            steps = List.copyOf(steps);
        }

        /** {@code held}, with a {@code >=} when the maximum held. */
        String heldLabel() {
            return (topped ? ">= " : "") + held;
        }
    }

    private final int maxStreams;
    private final double minFps;

    Ladder(int maxStreams, double minFps) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("A ladder needs at least one step, not " + maxStreams);
        }
        this.maxStreams = maxStreams;
        this.minFps = minFps;
    }

    /** Runs step after step until one does not hold or the maximum held. */
    Climb climb(Step step) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        for (int streams = 1; streams <= maxStreams; streams++) {
            StepResult result = step.run(streams);
            steps.add(result);
            if (!result.holds(minFps)) {
                return new Climb(steps, streams - 1, false);
            }
        }
        return new Climb(steps, maxStreams, true);
    }
}
