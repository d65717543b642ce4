package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which blobs each scene may use, from the platform's asset listing, kept per scene and listed again when a scene
 * asks for a hash it did not list (a new upload), at most once per refresh interval, so that a renderer guessing
 * hashes cannot make the node hammer the platform.
 */
public final class SceneCatalog {

    private final AssetListing listing;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Map<UUID, Listed> scenes = new ConcurrentHashMap<>();
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

    public SceneCatalog(AssetListing listing, Duration refreshInterval, Clock clock) {
        this.listing = listing;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** Where to get a blob the scene may use; empty when the scene may not use it (or it does not exist). */
    public Optional<BlobRef> find(UUID sceneId, String sha256) throws IOException {
        Listed listed = scenes.get(sceneId);
        if (listed != null && listed.blobs.containsKey(sha256)) {
            return Optional.of(listed.blobs.get(sha256));
        }
        synchronized (lockOf(sceneId)) {
            listed = scenes.get(sceneId);
            if (listed == null || !clock.instant().isBefore(listed.at.plus(refreshInterval))) {
                listed = list(sceneId);
            }
            return Optional.ofNullable(listed.blobs.get(sha256));
        }
    }

    /** Lists the scene's blobs now. */
    public Map<String, BlobRef> refresh(UUID sceneId) throws IOException {
        synchronized (lockOf(sceneId)) {
            return list(sceneId).blobs;
        }
    }

    private Listed list(UUID sceneId) throws IOException {
        Listed listed = new Listed(listing.blobsOf(sceneId), clock.instant());
        scenes.put(sceneId, listed);
        return listed;
    }

    private Object lockOf(UUID sceneId) {
        return locks.computeIfAbsent(sceneId, id -> new Object());
    }

    private record Listed(Map<String, BlobRef> blobs, Instant at) {
    }
}
