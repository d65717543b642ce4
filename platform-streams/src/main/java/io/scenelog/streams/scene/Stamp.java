package io.scenelog.streams.scene;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and when a change is committed: written into every entity state the change produces.
 *
 * @param sceneId      the scene
 * @param sessionId    the session whose overlay receives the change, or null for persisted changes
 * @param sceneVersion the scene version of the event that carries the change
 * @param at           the commit time
 */
public record Stamp(UUID sceneId, UUID sessionId, long sceneVersion, Instant at) {

    public Stamp {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(at, "at");
    }
}
