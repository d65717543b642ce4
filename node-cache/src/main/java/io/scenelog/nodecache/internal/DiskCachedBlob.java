package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CachedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A blob file held by this reader until closed. */
final class DiskCachedBlob implements CachedBlob {

    private final String sha256;
    private final long size;
    private final Path path;
    private final boolean fetched;
    private final BlobHolds.Hold hold;

    DiskCachedBlob(String sha256, long size, Path path, boolean fetched, BlobHolds.Hold hold) {
        this.sha256 = sha256;
        this.size = size;
        this.path = path;
        this.fetched = fetched;
        this.hold = hold;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean fetched() {
        return fetched;
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public void close() {
        try {
            hold.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the hold on cached blob " + sha256, e);
        }
    }

    @Override
    public String toString() {
        return "CachedBlob[" + sha256 + ", " + size + " bytes" + (fetched ? ", fetched" : "") + "]";
    }
}
