package io.scenelog.app.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scenelog bench commit} measures, validated once.
 *
 * @param bootstrapServers   an existing cluster, or empty for an embedded broker
 * @param registryUrl        an existing registry, or empty for one in the benchmark's process
 * @param actions            actions per throughput run
 * @param warmupRounds       how many rounds of throughput runs to run unmeasured first (the JIT settles)
 * @param rounds             how many rounds of throughput runs (bare loop, exactly-once, at-least-once) to measure
 * @param throughputInterval the commit interval of the throughput runs
 * @param latencyRate        actions per second of the latency runs
 * @param latencyWarmUp      how long each latency run sends before it starts timing
 * @param latencyDuration    how long each latency run sends and times
 * @param commitIntervals    the commit intervals whose latency is measured
 * @param runTimeout         the longest any single run may take before the benchmark gives up
 * @param markdown           where to write the Markdown snippet, if anywhere
 */
public record CommitBenchSettings(Optional<String> bootstrapServers, Optional<URI> registryUrl, long actions,
        int warmupRounds, int rounds, Duration throughputInterval, double latencyRate, Duration latencyWarmUp,
        Duration latencyDuration, List<Duration> commitIntervals, Duration runTimeout, Optional<Path> markdown) {

    /** The full run's actions per throughput run. */
    public static final long FULL_ACTIONS = 200_000;
    /** The full run's throughput rounds: the median of three is robust to one disturbed round. */
    public static final int FULL_ROUNDS = 3;
    /** The full run's unmeasured rounds: by the third round the bare loop's rate had settled. */
    public static final int FULL_WARMUP_ROUNDS = 2;
    /** The smoke run's unmeasured rounds. */
    public static final int QUICK_WARMUP_ROUNDS = 0;
    /** The smoke run's throughput rounds. */
    public static final int QUICK_ROUNDS = 1;
    /** The smoke run's actions per throughput run. */
    public static final long QUICK_ACTIONS = 1_000;
    /** The full run's time per latency run. */
    public static final Duration FULL_LATENCY_DURATION = Duration.ofSeconds(15);
    /** The full run's untimed sending before each latency run. */
    public static final Duration FULL_LATENCY_WARM_UP = Duration.ofSeconds(3);
    /** The smoke run's untimed sending before each latency run. */
    public static final Duration QUICK_LATENCY_WARM_UP = Duration.ofSeconds(1);
    /** The smoke run's time per latency run. */
    public static final Duration QUICK_LATENCY_DURATION = Duration.ofSeconds(2);

    /** @throws IllegalArgumentException naming the option and the fix */
    public CommitBenchSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(markdown, "markdown");
        if (actions < 100 || actions > 10_000_000) {
            throw new IllegalArgumentException("--actions " + actions + " is out of range: use 100 to 10000000");
        }
        if (warmupRounds < 0 || warmupRounds > 20) {
            throw new IllegalArgumentException("--warmup-rounds " + warmupRounds + " is out of range: use 0 to 20");
        }
        if (rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("--rounds " + rounds + " is out of range: use 1 to 20");
        }
        if (!(latencyRate > 0) || latencyRate > 100_000) {
            throw new IllegalArgumentException("--latency-rate " + latencyRate + " is out of range: use up to 100000"
                    + " actions per second");
        }
        requirePositive("--throughput-commit-interval", throughputInterval);
        requirePositive("--latency-duration", latencyDuration);
        if (latencyWarmUp == null || latencyWarmUp.isNegative()) {
            throw new IllegalArgumentException("--latency-warm-up must not be negative, got " + latencyWarmUp);
        }
        requirePositive("--run-timeout", runTimeout);
        if (commitIntervals.isEmpty()) {
            throw new IllegalArgumentException("--commit-intervals is empty: give e.g. 10,50,100 (milliseconds)");
        }
        commitIntervals.forEach(i -> requirePositive("--commit-intervals", i));
        commitIntervals = List.copyOf(commitIntervals);
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
