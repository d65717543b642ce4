package io.scenelog.app.bench.sessions;

import java.util.Optional;

/**
 * What one stream size came to: the platform's climb and, when the peer ran, the bare loops' climb.
 *
 * @param size     the stream size
 * @param platform sessions through the platform
 * @param bare     bare render+encode loops in one process, when the peer ran
 */
record SizeResult(StreamSize size, Ladder.Climb platform, Optional<Ladder.Climb> bare) {

    /** How many rows the per-step table has: the longer climb's steps. */
    int rows() {
        return Math.max(platform.steps().size(), bare.map(climb -> climb.steps().size()).orElse(0));
    }

    /** The platform's step with {@code streams} sessions, if it ran. */
    Optional<StepResult> platformStep(int streams) {
        return step(platform, streams);
    }

    /** The peer's step with {@code streams} loops, if it ran. */
    Optional<StepResult> bareStep(int streams) {
        return bare.flatMap(climb -> step(climb, streams));
    }

    private static Optional<StepResult> step(Ladder.Climb climb, int streams) {
        return climb.steps().stream().filter(s -> s.streams() == streams).findFirst();
    }

    /** Sessions held over bare streams held; empty without a peer or when no bare stream held. */
    Optional<Double> ratio() {
        return bare.filter(climb -> climb.held() > 0).map(climb -> platform.held() / (double) climb.held());
    }
}
