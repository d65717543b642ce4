package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.AssetCacheException;
import io.scenelog.nodecache.CachedBlob;
import java.io.IOException;

/** One layer of the read path: opens a blob the caller may use, fetching it when the node does not have it. */
public interface Blobs {

    /**
     * @throws AssetCacheException when it cannot be served; other IOExceptions are the local disk's failures
     */
    CachedBlob open(BlobRef ref) throws IOException;

    /** Removes a blob found corrupt, so that the next open fetches it again. */
    void discard(String sha256) throws IOException;

    /** Whether the node has the blob on disk now (without opening or counting it). */
    boolean contains(String sha256);
}
