package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.file.Path;

/** One layer of the fetch path: writes a blob from the platform into a file of the cache's {@code tmp}. */
public interface Fetcher {

    /**
     * Fills the target file (created or truncated) with the blob; on failure the target may hold a partial
     * download, which the caller deletes.
     *
     * @return how many bytes were written and their SHA-256
     */
    Fetched fetch(BlobRef ref, Path target) throws IOException;

    /**
     * What a fetch wrote.
     *
     * @param bytes its length
     * @param sha256 the hash of what was written
     */
    record Fetched(long bytes, String sha256) {
    }
}
