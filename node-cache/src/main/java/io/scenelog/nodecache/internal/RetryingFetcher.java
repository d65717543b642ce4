package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Fetches again, with back-off, when a download failed in a way that may pass. */
public final class RetryingFetcher implements Fetcher {

    private final Fetcher inner;
    private final Backoff backoff;

    public RetryingFetcher(Fetcher inner, Backoff backoff) {
        this.inner = inner;
        this.backoff = backoff;
    }

    @Override
    public Fetched fetch(BlobRef ref, Path target) throws IOException {
        return backoff.call("blob " + ref.sha256(), () -> inner.fetch(ref, target));
    }
}
