package io.scenelog.nodecache;

import java.util.UUID;

/**
 * The node's asset blobs by content hash: served from the node's disk, fetched once per node from the platform when
 * missing, for renderers whose scene may use them. Thread-safe, and safe to use from several processes on one
 * directory at once.
 */
public interface AssetCache extends AutoCloseable {

    /**
     * Opens a blob for reading, fetching it first when the node does not have it. Blocks while another thread or
     * process of the node fetches the same blob, then serves that copy.
     *
     * @param sha256 64 lower-case hex digits
     * @param scope the scene of the session that asks
     * @throws IllegalArgumentException when the string is not a SHA-256
     * @throws AssetAccessDeniedException when the scene may not use the blob (also for unknown hashes)
     * @throws AssetCacheException when the blob cannot be served now; {@link AssetCacheException#retryable()}
     *     says whether to ask again
     */
    CachedBlob open(String sha256, CacheScope scope) throws AssetCacheException;

    /**
     * Fetches every blob the scene may use that the node does not have yet, so that its first frame does not wait.
     * Failures are reported in the result (and logged), not thrown: a later {@link #open} retries them.
     *
     * @throws AssetCacheException when the scene's assets cannot be listed
     */
    WarmUpResult warmUp(UUID sceneId) throws AssetCacheException;

    /** The cache's entries, bytes and hit ratio. */
    CacheStatus status();

    /** Flushes the counters to the directory; open blobs stay valid until their own close. */
    @Override
    void close();
}
