package io.scenelog.renderer.node.internal;

import io.scenelog.model.Role;
import io.scenelog.nodecache.AssetCache;
import io.scenelog.nodecache.AssetCacheException;
import io.scenelog.nodecache.NodeCache;
import io.scenelog.nodecache.NodeCacheSettings;
import io.scenelog.nodecache.WarmUpResult;
import io.scenelog.renderer.node.RenderNodeSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's side of its asset cache (the renderers open the same directory themselves): when a session is assigned
 * here, the scene's assets are fetched into the cache on a thread of their own, so that the renderer's first frames
 * find them local and the agent's bookkeeping never waits for a download.
 */
public final class NodeAssets implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssets.class);
    /** The node's own tokens are short: it mints a new one for each listing. */
    private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

    private final AssetCache cache;
    private final ExecutorService warmer;

    private NodeAssets(AssetCache cache, String nodeId) {
        this.cache = cache;
        this.warmer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "render-node-" + nodeId + "-warm-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the node's cache with the node's credentials: a viewer token not limited to a scene, so that it may list
     * every scene's assets; each renderer is then held to its own scene by the cache's access check.
     *
     * @throws UncheckedIOException when the cache directory cannot be used
     */
    public static NodeAssets open(RenderNodeSettings settings) {
        TokenIssuer issuer = new TokenIssuer(settings.tokenKey(), Clock.systemUTC());
        TokenClaims claims = TokenClaims.of("render-node:" + settings.nodeId(), Role.VIEWER);
        NodeCacheSettings cacheSettings = NodeCacheSettings.defaults(settings.cacheDirectory(),
                URI.create(settings.assetBaseUrl()), () -> issuer.issue(claims, TOKEN_TTL))
                .withMaxBytes(settings.cacheMaxBytes());
        try {
            return new NodeAssets(NodeCache.open(cacheSettings), settings.nodeId());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the node's asset cache in " + settings.cacheDirectory(), e);
        }
    }

    /** Prefetches a scene's assets in the background; failures are logged (the renderer fetches on demand). */
    public void warmUp(UUID sceneId, UUID sessionId) {
        try {
            warmer.execute(() -> {
                try {
                    WarmUpResult result = cache.warmUp(sceneId);
                    if (result.failures().isEmpty()) {
                        LOG.info("Warmed up {} asset blobs of scene {} for session {} ({} fetched).",
                                result.blobs(), sceneId, sessionId, result.fetched());
                    } else {
                        LOG.warn("Warmed up scene {} for session {} with failures: {}", sceneId, sessionId,
                                result.failures());
                    }
                } catch (AssetCacheException | RuntimeException e) {
                    LOG.warn("Could not warm up the assets of scene {} for session {}: {}", sceneId, sessionId,
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Not warming up scene {}: the node is stopping.", sceneId);
        }
    }

    @Override
    public void close() {
        warmer.shutdownNow();
        try {
            warmer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
    }
}
