package io.scenelog.nodecache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scenelog.nodecache.internal.AssetListing;
import io.scenelog.nodecache.internal.Backoff;
import io.scenelog.nodecache.internal.Blobs;
import io.scenelog.nodecache.internal.CacheDirectory;
import io.scenelog.nodecache.internal.CacheMetrics;
import io.scenelog.nodecache.internal.CacheStatusReader;
import io.scenelog.nodecache.internal.ChecksumVerifyingBlobs;
import io.scenelog.nodecache.internal.ChecksumVerifyingFetcher;
import io.scenelog.nodecache.internal.DiskBlobs;
import io.scenelog.nodecache.internal.EvictingFetcher;
import io.scenelog.nodecache.internal.Evictor;
import io.scenelog.nodecache.internal.Fetcher;
import io.scenelog.nodecache.internal.HttpFetcher;
import io.scenelog.nodecache.internal.MeteredBlobs;
import io.scenelog.nodecache.internal.MeteredFetcher;
import io.scenelog.nodecache.internal.NodeAssetCache;
import io.scenelog.nodecache.internal.RetryingFetcher;
import io.scenelog.nodecache.internal.SceneCatalog;
import io.scenelog.nodecache.internal.StatsFile;
import io.scenelog.nodecache.internal.Upstream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the node cache: the layers behind {@link AssetCache}, outermost first,
 * <pre>
 *   scene access (SceneCatalog) → MeteredBlobs → ChecksumVerifyingBlobs → DiskBlobs
 *   DiskBlobs' fetches: MeteredFetcher → EvictingFetcher → ChecksumVerifyingFetcher → RetryingFetcher → HttpFetcher
 * </pre>
 */
public final class NodeCache {

    private NodeCache() {
    }

    /** Opens the cache with meters nobody scrapes (tests, tools). */
    public static AssetCache open(NodeCacheSettings settings) throws IOException {
        return open(settings, new SimpleMeterRegistry());
    }

    /**
     * Opens the cache on its directory (creating it), discards downloads that crashed processes left, and evicts
     * down to the bound when it was lowered.
     *
     * @param registry where the {@code scenelog.node.cache.*} meters go (the node's Prometheus registry)
     * @throws IOException when the directory cannot be created or read
     */
    public static AssetCache open(NodeCacheSettings settings, MeterRegistry registry) throws IOException {
        CacheDirectory directory = CacheDirectory.create(settings.directory());
        CacheMetrics metrics = new CacheMetrics(registry, new StatsFile(directory));
        Backoff backoff = new Backoff(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                Backoff.Sleeper.THREAD);
        Upstream upstream = new Upstream(settings.upstream(), settings.credentials(), settings.connectTimeout(),
                settings.requestTimeout());
        Evictor evictor = new Evictor(directory, settings.maxBytes(), settings.minFreeDiskBytes(),
                settings.diskSpace(), metrics::evicted);
        Fetcher fetcher = new MeteredFetcher(new EvictingFetcher(new ChecksumVerifyingFetcher(
                new RetryingFetcher(new HttpFetcher(upstream, settings.maxBlobBytes()), backoff),
                metrics::verificationFailed), evictor), metrics);
        DiskBlobs disk = new DiskBlobs(directory, fetcher, settings.clock());
        disk.discardAbandonedDownloads();
        CacheStatusReader.recordMaxBytes(directory, settings.maxBytes());
        evictor.makeRoom(0, 0);
        Blobs blobs = new MeteredBlobs(new ChecksumVerifyingBlobs(disk, metrics::verificationFailed), metrics);
        SceneCatalog catalog = new SceneCatalog(new AssetListing(upstream, backoff),
                settings.listingRefreshInterval(), settings.clock());
        return new NodeAssetCache(catalog, blobs, metrics, directory, settings.maxBytes());
    }

    /**
     * The status of a cache directory read from disk alone, without a running node; empty when the directory holds
     * no cache.
     */
    public static Optional<CacheStatus> status(Path directory) throws IOException {
        Optional<CacheDirectory> existing = CacheDirectory.existing(directory);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CacheStatusReader.read(existing.get()));
    }
}
