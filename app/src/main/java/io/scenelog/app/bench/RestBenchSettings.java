package io.scenelog.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scenelog bench rest} measures, validated once.
 *
 * @param clients        concurrent clients of the read and write phases, each with its own API key and token
 * @param warmUp         untimed load before each phase's measurement
 * @param duration       timed load of each phase
 * @param entities       entities of the benchmark scene, shared out among the clients for writes
 * @param commitInterval platform-streams' commit interval
 * @param rateLimit      the API's per-principal limit in requests per second (burst twice that), or empty for the
 *                       API's default
 * @param requestTimeout how long one HTTP request may take before it counts as an error
 * @param markdown       where to write the Markdown snippet, if anywhere
 */
public record RestBenchSettings(int clients, Duration warmUp, Duration duration, int entities,
        Duration commitInterval, Optional<Double> rateLimit, Duration requestTimeout, Optional<Path> markdown) {

    /** The concurrency. */
    public static final int DEFAULT_CLIENTS = 50;
    /** Enough for a steady state on a busy 2-core box without making the run long. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(15);
    /** Untimed load first: the JIT, the connection pool and the pipeline's batches settle. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(5);
    /** Four entities per client at the default concurrency. */
    public static final int DEFAULT_ENTITIES = 200;

    /** @throws IllegalArgumentException naming the option and the fix */
    public RestBenchSettings {
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(markdown, "markdown");
        if (clients < 1 || clients > 1_000) {
            throw new IllegalArgumentException("--clients " + clients + " is out of range: use 1 to 1000");
        }
        if (entities < clients || entities > 100_000) {
            throw new IllegalArgumentException("--entities " + entities + " is out of range: use at least one per"
                    + " client (--clients " + clients + ") and at most 100000");
        }
        requirePositive("--duration", duration);
        requirePositive("--commit-interval-ms", commitInterval);
        requirePositive("--request-timeout", requestTimeout);
        if (warmUp == null || warmUp.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmUp);
        }
        rateLimit.ifPresent(rate -> {
            if (!(rate > 0) || rate > 1_000_000) {
                throw new IllegalArgumentException("--rate-limit " + rate + " is out of range: use up to 1000000"
                        + " requests per second");
            }
        });
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
