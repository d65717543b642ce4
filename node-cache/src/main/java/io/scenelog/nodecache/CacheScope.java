package io.scenelog.nodecache;

import java.util.Objects;
import java.util.UUID;

/**
 * On whose behalf a blob is read: the scene of the renderer's session. A blob is served only when that scene may
 * use it (it belongs to a shared asset or to one of the scene's assets).
 *
 * @param sceneId the scene of the session being rendered
 */
public record CacheScope(UUID sceneId) {

    public CacheScope {
        Objects.requireNonNull(sceneId, "sceneId");
    }

    /** The scope of a renderer of this scene. */
    public static CacheScope scene(UUID sceneId) {
        return new CacheScope(sceneId);
    }
}
