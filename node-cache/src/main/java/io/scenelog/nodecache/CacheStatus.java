package io.scenelog.nodecache;

/**
 * What the cache holds and how well it serves, as {@code scenelog cache status} prints it.
 *
 * @param entries blobs on disk
 * @param bytes their total size
 * @param maxBytes the size bound
 * @param hits opens served from disk, by every process of the node since the directory was created
 * @param misses opens that fetched from the platform, likewise
 */
public record CacheStatus(long entries, long bytes, long maxBytes, long hits, long misses) {

    /** Hits over all opens, 0 before the first. */
    public double hitRatio() {
        long opens = hits + misses;
        return opens == 0 ? 0.0 : (double) hits / opens;
    }
}
