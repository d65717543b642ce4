package io.scenelog.app.tail;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What {@code scenelog tail} reads and when it stops, validated once.
 *
 * @param bootstrapServers the Kafka cluster
 * @param registryUrl      the schema registry the events' schemas are fetched from
 * @param scene            only this scene's events (and only its partition is read)
 * @param entity           only events changing this entity, and of them only its changes
 * @param client           only events emitted by this client id
 * @param start            where reading starts
 * @param max              stop after printing this many events
 * @param timeout          stop after running this long
 */
public record TailSettings(String bootstrapServers, URI registryUrl, Optional<UUID> scene, Optional<UUID> entity,
        Optional<String> client, StartPosition start, OptionalLong max, Optional<Duration> timeout) {

    /** @throws IllegalArgumentException naming the option and the fix */
    public TailSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(timeout, "timeout");
        if (start instanceof StartPosition.FromVersion && scene.isEmpty()) {
            throw new IllegalArgumentException("--from-version needs --scene: versions count per scene");
        }
        if (max.isPresent() && max.getAsLong() < 1) {
            throw new IllegalArgumentException("--max " + max.getAsLong() + " would print nothing: give at least 1");
        }
        if (timeout.isPresent() && (timeout.get().isZero() || timeout.get().isNegative())) {
            throw new IllegalArgumentException("--timeout " + timeout.get() + " must be positive, e.g. 30s");
        }
    }
}
