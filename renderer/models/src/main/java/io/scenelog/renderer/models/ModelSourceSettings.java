package io.scenelog.renderer.models;

import io.scenelog.renderer.models.gltf.GltfLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link AssetModelSource}.
 *
 * @param limits           what one glTF model may cost
 * @param cacheBytes       the approximate heap that decoded models and textures may keep (least recently used ones
 *                         are dropped beyond it)
 * @param failureRetention how long a failed asset is answered from memory before it is fetched again
 */
public record ModelSourceSettings(GltfLimits limits, long cacheBytes, Duration failureRetention) {

    /** Default for {@link #cacheBytes()}: 512 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 512L * 1024 * 1024;
    /** Default for {@link #failureRetention()}: 30 seconds. */
    public static final Duration DEFAULT_FAILURE_RETENTION = Duration.ofSeconds(30);

    /** @throws IllegalArgumentException naming the setting when a value is unusable */
    public ModelSourceSettings {
        Objects.requireNonNull(limits, "limits");
        if (cacheBytes < 1) {
            throw new IllegalArgumentException("cacheBytes must be at least 1, got " + cacheBytes);
        }
        if (failureRetention == null || failureRetention.isNegative()) {
            throw new IllegalArgumentException("failureRetention must be zero or more, got " + failureRetention);
        }
    }

    /** The defaults. */
    public static ModelSourceSettings defaults() {
        return new ModelSourceSettings(GltfLimits.defaults(), DEFAULT_CACHE_BYTES, DEFAULT_FAILURE_RETENTION);
    }
}
