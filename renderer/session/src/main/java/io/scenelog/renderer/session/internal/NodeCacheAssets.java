package io.scenelog.renderer.session.internal;

import io.scenelog.nodecache.AssetCache;
import io.scenelog.nodecache.CacheScope;
import io.scenelog.nodecache.CachedBlob;
import io.scenelog.nodecache.AssetCacheException;
import io.scenelog.renderer.asset.AssetSource;
import java.io.IOException;
import java.util.UUID;

/** The renderer's assets, read through the node's shared cache, scoped to the session's scene. */
final class NodeCacheAssets implements AssetSource {

    private final AssetCache cache;
    private final CacheScope scope;

    NodeCacheAssets(AssetCache cache, UUID sceneId) {
        this.cache = cache;
        this.scope = CacheScope.scene(sceneId);
    }

    @Override
    public byte[] read(String sha256) throws IOException {
        try (CachedBlob blob = cache.open(sha256, scope)) {
            return blob.readAllBytes();
        } catch (AssetCacheException e) {
            throw new IOException("asset " + sha256 + " of scene " + scope.sceneId() + ": " + e.getMessage(), e);
        }
    }
}
