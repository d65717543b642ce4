package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CachedBlob;
import java.io.IOException;

/** Counts hits (found on disk), misses (fetched) and the bytes served. */
public final class MeteredBlobs implements Blobs {

    private final Blobs inner;
    private final CacheMetrics metrics;

    public MeteredBlobs(Blobs inner, CacheMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public CachedBlob open(BlobRef ref) throws IOException {
        CachedBlob blob = inner.open(ref);
        metrics.served(blob.fetched(), blob.size());
        return blob;
    }

    @Override
    public void discard(String sha256) throws IOException {
        inner.discard(sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return inner.contains(sha256);
    }
}
