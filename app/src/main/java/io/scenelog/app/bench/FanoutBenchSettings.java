package io.scenelog.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scenelog bench fanout} measures, validated once.
 *
 * @param clientCounts   the numbers of connected clients, one round of phases each, smallest first (the fleet grows)
 * @param rate           the writer's events per second in the paced phases
 * @param platformWarmUp paced, unmeasured sending through the bridge once before any phase: the JIT needs minutes
 *                       on a small machine, and the first phases otherwise measure the compiler
 * @param warmUp         untimed sending before each paced phase and the end-to-end phase
 * @param duration       timed sending of each paced phase and of the end-to-end phase
 * @param saturation     timed sending of each saturation phase (after a short warm-up of its own)
 * @param endToEndRate   actions per second the editor client sends over Livelink in the end-to-end phase
 * @param commitInterval platform-streams' commit interval
 * @param json           where to write the results as JSON, if anywhere
 * @param markdown       where to write the Markdown snippet, if anywhere
 */
public record FanoutBenchSettings(List<Integer> clientCounts, double rate, Duration platformWarmUp, Duration warmUp,
        Duration duration, Duration saturation, double endToEndRate, Duration commitInterval, Optional<Path> json,
        Optional<Path> markdown) {

    /** The two fleets. */
    public static final List<Integer> DEFAULT_CLIENTS = List.of(50, 500);
    /** The target rate. */
    public static final double DEFAULT_RATE = 1000;
    /** The most clients one run connects: each is a WebSocket, a session member and a presence entity. */
    public static final int MAX_CLIENTS = 2000;
    /** Below the bridge's per-client action limit (200/s by default), so no end-to-end action is rate-limited. */
    public static final double MAX_END_TO_END_RATE = 100;

    /** @throws IllegalArgumentException naming the option and the fix */
    public FanoutBenchSettings {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        if (clientCounts == null || clientCounts.isEmpty()) {
            throw new IllegalArgumentException("--clients needs at least one number of clients, e.g. 50,500");
        }
        for (Integer count : clientCounts) {
            if (count == null || count < 1 || count > MAX_CLIENTS) {
                throw new IllegalArgumentException("--clients " + count + " is out of range: use 1 to "
                        + MAX_CLIENTS);
            }
        }
        clientCounts = clientCounts.stream().distinct().sorted().toList();
        if (!(rate > 0) || rate > 100_000) {
            throw new IllegalArgumentException("--rate " + rate + " is out of range: use more than 0 and at most "
                    + "100000 events per second");
        }
        if (!(endToEndRate > 0) || endToEndRate > MAX_END_TO_END_RATE) {
            throw new IllegalArgumentException("--e2e-rate " + endToEndRate + " is out of range: use more than 0 and"
                    + " at most " + (int) MAX_END_TO_END_RATE + " actions per second (the bridge rate-limits each"
                    + " client's actions)");
        }
        requirePositive("--duration", duration);
        requirePositive("--saturation", saturation);
        requirePositive("--commit-interval-ms", commitInterval);
        if (platformWarmUp == null || platformWarmUp.isNegative()) {
            throw new IllegalArgumentException("--platform-warmup must not be negative, got " + platformWarmUp);
        }
        if (warmUp == null || warmUp.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmUp);
        }
        if (Math.floor(rate * duration.toNanos() / 1e9) < 1) {
            throw new IllegalArgumentException("--rate " + rate + " for --duration " + duration + " sends no event:"
                    + " raise either");
        }
        if (Math.floor(endToEndRate * duration.toNanos() / 1e9) < 1) {
            throw new IllegalArgumentException("--e2e-rate " + endToEndRate + " for --duration " + duration
                    + " sends no action: raise either");
        }
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
