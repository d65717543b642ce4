package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Times each fetch (retries included) and counts the bytes it brought from the platform. */
public final class MeteredFetcher implements Fetcher {

    private final Fetcher inner;
    private final CacheMetrics metrics;

    public MeteredFetcher(Fetcher inner, CacheMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public Fetched fetch(BlobRef ref, Path target) throws IOException {
        long start = System.nanoTime();
        try {
            Fetched fetched = inner.fetch(ref, target);
            metrics.fetched(fetched.bytes());
            return fetched;
        } finally {
            metrics.fetchTook(System.nanoTime() - start);
        }
    }
}
