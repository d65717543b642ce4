package io.scenelog.nodecache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A verified blob on the node's disk, held for reading: while it is open no process of the node evicts it, so
 * {@link #path()} stays readable. Close it when done (it releases the hold); not thread-safe.
 */
public interface CachedBlob extends AutoCloseable {

    /** The blob's SHA-256, 64 lower-case hex digits. */
    String sha256();

    /** Its length in bytes. */
    long size();

    /** The file holding it, read-only: readable until {@link #close()}. */
    Path path();

    /** Whether this open fetched the blob from the platform (a miss) rather than finding it on disk (a hit). */
    boolean fetched();

    /** A new stream over the bytes; the caller closes it (before closing this blob). */
    InputStream newInputStream() throws IOException;

    /** All the bytes, for blobs that fit in memory. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = newInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Releases the hold; the blob may then be evicted. Idempotent. */
    @Override
    void close();
}
