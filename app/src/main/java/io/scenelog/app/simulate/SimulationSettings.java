package io.scenelog.app.simulate;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What {@code scenelog simulate} does, validated once.
 *
 * @param bootstrapServers the Kafka cluster the actions go to
 * @param registryUrl      the schema registry
 * @param sceneId          the scene to write to
 * @param createScene      whether to create the scene first (a CreateScene control command, admin token)
 * @param entities         how many bodies to create and move
 * @param rateHz           transform updates per entity per second
 * @param duration         how long to send updates (one of duration and count)
 * @param count            how many transform updates to send in all (one of duration and count)
 * @param drainTimeout     how long to wait for the last results after sending
 * @param clientId         the simulation's client id (the token's subject); with Livelink, the principal that joins
 *                         (the edge assigns the Livelink client its own id)
 * @param tokens           where its tokens come from
 * @param livelink         with {@code --via livelink}, how to reach the edge and the bridge; empty to write straight
 *                         to Kafka
 */
public record SimulationSettings(String bootstrapServers, URI registryUrl, UUID sceneId, boolean createScene,
        int entities, double rateHz, Optional<Duration> duration, OptionalLong count, Duration drainTimeout,
        String clientId, TokenSource tokens, Optional<LivelinkRoute> livelink) {

    /** The most bodies one run moves; more belong in several simulations. */
    public static final int MAX_ENTITIES = 100_000;
    /** The highest update rate per entity; the scheduler ticks at most every millisecond. */
    public static final double MAX_RATE_HZ = 1_000;

    /** @throws IllegalArgumentException naming the option and the fix */
    public SimulationSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(livelink, "livelink");
        if (tokens instanceof TokenSource.ApiKey && livelink.isEmpty()) {
            throw new IllegalArgumentException("--api-key needs --via livelink: straight to Kafka, give --token or "
                    + "--token-key-file");
        }
        if (entities < 1 || entities > MAX_ENTITIES) {
            throw new IllegalArgumentException("--entities " + entities + " is out of range: give 1 to "
                    + MAX_ENTITIES);
        }
        if (!(rateHz > 0) || rateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException("--rate-hz " + rateHz + " is out of range: give more than 0 and at "
                    + "most " + (int) MAX_RATE_HZ + " updates per entity per second");
        }
        if (duration.isPresent() == count.isPresent()) {
            throw new IllegalArgumentException("Give exactly one of --duration (e.g. 30s) and --count (updates in "
                    + "all): a simulation must end by itself");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("--duration " + duration.get() + " must be positive, e.g. 30s");
        }
        if (count.isPresent() && count.getAsLong() < 1) {
            throw new IllegalArgumentException("--count " + count.getAsLong() + " must be at least 1");
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("--drain-timeout must not be negative");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("--client-id must not be blank");
        }
    }

    /** A simulation straight to Kafka. */
    public SimulationSettings(String bootstrapServers, URI registryUrl, UUID sceneId, boolean createScene,
            int entities, double rateHz, Optional<Duration> duration, OptionalLong count, Duration drainTimeout,
            String clientId, TokenSource tokens) {
        this(bootstrapServers, registryUrl, sceneId, createScene, entities, rateHz, duration, count, drainTimeout,
                clientId, tokens, Optional.empty());
    }

    /** How many transform updates the run sends: all of {@code --count}, or every entity for the duration. */
    public long totalUpdates() {
        if (count.isPresent()) {
            return count.getAsLong();
        }
        long rounds = Math.max(1, (long) Math.floor(duration.get().toMillis() / 1000.0 * rateHz));
        return rounds * entities;
    }

    /** How long the tokens must stay valid: the planned run, the drain, and an hour of slack. */
    public Duration tokenLifetime() {
        double seconds = totalUpdates() / (rateHz * entities);
        return Duration.ofSeconds((long) Math.ceil(seconds)).plus(drainTimeout).plusHours(1);
    }
}
