package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CachedBlob;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk layer: blobs in the cache directory, fetched on a miss by one thread of one process of the node at a
 * time (the blob's lock file), downloaded to {@code tmp}, flushed, and published by an atomic rename so that a
 * reader never sees a partial file. Every open stamps the file's modification time: that is the access time the
 * evictor orders by, shared by every process of the node.
 */
public final class DiskBlobs implements Blobs {

    private static final Logger LOG = LoggerFactory.getLogger(DiskBlobs.class);

    private final CacheDirectory directory;
    private final Fetcher fetcher;
    private final Clock clock;

    public DiskBlobs(CacheDirectory directory, Fetcher fetcher, Clock clock) {
        this.directory = directory;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Deletes the downloads a crashed process left behind; a download still running elsewhere holds its lock. */
    public void discardAbandonedDownloads() throws IOException {
        for (String sha : directory.partialDownloads()) {
            Optional<FileLocks.Held> lock = FileLocks.tryExclusive(directory.lockPath(sha));
            if (lock.isPresent()) {
                try (FileLocks.Held held = lock.get()) {
                    if (Files.deleteIfExists(directory.partPath(sha))) {
                        LOG.info("Discarded the partial download of blob {} left by an earlier process.", sha);
                    }
                }
            }
        }
    }

    @Override
    public CachedBlob open(BlobRef ref) throws IOException {
        String sha = ref.sha256();
        Path blob = directory.blobPath(sha);
        Optional<BlobHolds.Hold> joined = BlobHolds.joinIfHeld(blob);
        if (joined.isPresent()) {
            return opened(sha, blob, false, joined.get());
        }
        // warm: a blob already on disk is served without the per-blob lock file, which only fetches need
        Optional<BlobHolds.Hold> published = BlobHolds.holdIfPublished(blob);
        if (published.isPresent()) {
            return opened(sha, blob, false, published.get());
        }
        try (FileLocks.Held lock = FileLocks.exclusive(directory.lockPath(sha))) {
            if (Files.isRegularFile(blob)) {
                return opened(sha, blob, false, BlobHolds.hold(blob));
            }
            fetchAndPublish(ref, blob);
            return opened(sha, blob, true, BlobHolds.hold(blob));
        }
    }

    @Override
    public void discard(String sha256) throws IOException {
        try (FileLocks.Held lock = FileLocks.exclusive(directory.lockPath(sha256))) {
            // Readers already holding the corrupt file keep reading their open inode; new opens fetch again.
            Files.deleteIfExists(directory.blobPath(sha256));
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(directory.blobPath(sha256));
    }

    private void fetchAndPublish(BlobRef ref, Path blob) throws IOException {
        Path part = directory.partPath(ref.sha256());
        Files.deleteIfExists(part);
        try {
            fetcher.fetch(ref, part);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                // Flushed before the rename: after a power cut the name never points at missing bytes.
                channel.force(true);
            }
            Files.createDirectories(blob.getParent());
            Files.move(part, blob, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private CachedBlob opened(String sha, Path blob, boolean fetched, BlobHolds.Hold hold) throws IOException {
        try {
            Files.setLastModifiedTime(blob, FileTime.from(clock.instant()));
            return new DiskCachedBlob(sha, Files.size(blob), blob, fetched, hold);
        } catch (NoSuchFileException e) {
            hold.close();
            throw new IllegalStateException("Held blob " + sha + " vanished from " + blob
                    + "; something outside the node cache deletes its files", e);
        } catch (IOException | RuntimeException e) {
            hold.close();
            throw e;
        }
    }
}
