package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.AssetAccessDeniedException;
import io.scenelog.nodecache.AssetCache;
import io.scenelog.nodecache.AssetCacheException;
import io.scenelog.nodecache.CacheScope;
import io.scenelog.nodecache.CacheStatus;
import io.scenelog.nodecache.CachedBlob;
import io.scenelog.nodecache.CacheStorageException;
import io.scenelog.nodecache.UpstreamUnavailableException;
import io.scenelog.nodecache.WarmUpResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node cache as renderers see it: checks that the session's scene may use a blob (before looking at the disk,
 * so that a blob another scene put on the node is no shortcut), then opens it through the layers.
 */
public final class NodeAssetCache implements AssetCache {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssetCache.class);

    private final SceneCatalog catalog;
    private final Blobs blobs;
    private final CacheMetrics metrics;
    private final CacheDirectory directory;
    private final long maxBytes;

    public NodeAssetCache(SceneCatalog catalog, Blobs blobs, CacheMetrics metrics, CacheDirectory directory,
                          long maxBytes) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.metrics = metrics;
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    @Override
    public CachedBlob open(String sha256, CacheScope scope) throws AssetCacheException {
        Sha256Hex.require(sha256);
        BlobRef ref = allowed(sha256, scope);
        try {
            return blobs.open(ref);
        } catch (AssetCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new CacheStorageException("The node's disk failed while serving blob " + sha256 + " for scene "
                    + scope.sceneId() + ": " + e, e);
        }
    }

    private BlobRef allowed(String sha256, CacheScope scope) throws AssetCacheException {
        Optional<BlobRef> ref;
        try {
            ref = catalog.find(scope.sceneId(), sha256);
        } catch (AssetCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new UpstreamUnavailableException("Cannot list the assets of scene "
                    + scope.sceneId() + ": " + e, e);
        }
        if (ref.isEmpty()) {
            metrics.deniedAccess();
            throw new AssetAccessDeniedException("Scene " + scope.sceneId() + " may not use blob " + sha256
                    + ": it is no blob of a shared asset or of an asset of that scene");
        }
        return ref.get();
    }

    @Override
    public WarmUpResult warmUp(UUID sceneId) throws AssetCacheException {
        Map<String, BlobRef> refs;
        try {
            refs = catalog.refresh(sceneId);
        } catch (AssetCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new UpstreamUnavailableException("Cannot list the assets of scene "
                    + sceneId + ": " + e, e);
        }
        int fetched = 0;
        List<String> failures = new ArrayList<>();
        for (BlobRef ref : refs.values()) {
            if (blobs.contains(ref.sha256())) {
                continue;
            }
            try (CachedBlob blob = blobs.open(ref)) {
                fetched += blob.fetched() ? 1 : 0;
            } catch (IOException e) {
                failures.add(ref.sha256() + ": " + e.getMessage());
                LOG.warn("Warm-up of scene {} could not fetch blob {}: {}", sceneId, ref.sha256(), e.getMessage());
            }
        }
        LOG.info("Warmed up scene {}: {} blobs usable, {} fetched now, {} failed.", sceneId, refs.size(), fetched,
                failures.size());
        return new WarmUpResult(sceneId, refs.size(), fetched, failures);
    }

    @Override
    public CacheStatus status() {
        try {
            return CacheStatusReader.read(directory, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status of node cache " + directory.root(), e);
        }
    }

    @Override
    public void close() {
        metrics.flush();
    }
}
