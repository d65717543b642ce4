package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CacheFullException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the cache inside its bounds around a download: makes room for the listed size before it, for the real size
 * after it (dependencies have no listed size), and when the disk fills up during it, evicts at least what was
 * written (or the listed size) and tries once more.
 * When no room can be made the download is deleted and the caller refused, never served a partial file.
 */
public final class EvictingFetcher implements Fetcher {

    private final Fetcher inner;
    private final Evictor evictor;

    public EvictingFetcher(Fetcher inner, Evictor evictor) {
        this.inner = inner;
        this.evictor = evictor;
    }

    @Override
    public Fetched fetch(BlobRef ref, Path target) throws IOException {
        long expected = Math.max(0, ref.expectedSize());
        evictor.makeRoom(expected, expected);
        Fetched fetched;
        try {
            fetched = inner.fetch(ref, target);
        } catch (LocalWriteException full) {
            long written = Files.exists(target) ? Files.size(target) : 0;
            Files.deleteIfExists(target);
            try {
                evictor.freeAtLeast(Math.max(expected, written));
                fetched = inner.fetch(ref, target);
            } catch (LocalWriteException again) {
                Files.deleteIfExists(target);
                throw new CacheFullException("Cannot write blob " + ref.sha256() + " to the node's disk even after"
                        + " evicting: " + again.getMessage(), again);
            }
        }
        try {
            evictor.makeRoom(fetched.bytes(), 0);
        } catch (CacheFullException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return fetched;
    }
}
