package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CacheFullException;
import io.scenelog.nodecache.DiskSpace;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes room for a new blob: least recently used blobs first (by the access stamp every open writes, so every
 * process's reads count), skipping those a reader holds (its shared file lock) or that another thread or process is
 * fetching or opening (its lock file). One evictor runs at a time on the node (the eviction lock).
 */
public final class Evictor {

    private static final Logger LOG = LoggerFactory.getLogger(Evictor.class);

    private final CacheDirectory directory;
    private final long maxBytes;
    private final long minFreeDiskBytes;
    private final DiskSpace diskSpace;
    private final Runnable onEviction;

    public Evictor(CacheDirectory directory, long maxBytes, long minFreeDiskBytes, DiskSpace diskSpace,
                   Runnable onEviction) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.minFreeDiskBytes = minFreeDiskBytes;
        this.diskSpace = diskSpace;
        this.onEviction = onEviction;
    }

    /**
     * Evicts until the blobs plus the incoming bytes fit the size bound, and the disk keeps its reserve after
     * taking the bytes not yet written.
     *
     * @param incoming the new blob's length (0 when unknown)
     * @param notYetOnDisk how many of those bytes are still to be written
     * @throws CacheFullException when not enough can be evicted: nothing is evicted needlessly beyond the need
     */
    public void makeRoom(long incoming, long notYetOnDisk) throws IOException {
        try (FileLocks.Held lock = FileLocks.exclusive(directory.evictionLock())) {
            List<CacheDirectory.BlobEntry> entries = directory.scan();
            long total = entries.stream().mapToLong(CacheDirectory.BlobEntry::size).sum();
            long overBound = total + incoming - maxBytes;
            long overDisk = minFreeDiskBytes + notYetOnDisk - diskSpace.usableBytes(directory.root());
            evict(entries, Math.max(overBound, overDisk), incoming, total);
        }
    }

    /**
     * Evicts at least this many bytes (plus the disk reserve) whatever the disk reports: the file system said it
     * is full, which outranks a free-space figure that quotas or other writers can make stale.
     */
    public void freeAtLeast(long bytes) throws IOException {
        try (FileLocks.Held lock = FileLocks.exclusive(directory.evictionLock())) {
            List<CacheDirectory.BlobEntry> entries = directory.scan();
            long total = entries.stream().mapToLong(CacheDirectory.BlobEntry::size).sum();
            evict(entries, bytes + minFreeDiskBytes, bytes, total);
        }
    }

    private void evict(List<CacheDirectory.BlobEntry> entries, long need, long incoming, long total)
            throws IOException {
        if (need <= 0) {
            return;
        }
        long freed = 0;
        List<CacheDirectory.BlobEntry> oldestFirst = entries.stream()
                .sorted(Comparator.comparingLong(CacheDirectory.BlobEntry::lastAccessMillis)).toList();
        for (CacheDirectory.BlobEntry entry : oldestFirst) {
            if (freed >= need) {
                break;
            }
            if (tryEvict(entry)) {
                freed += entry.size();
            }
        }
        if (freed < need) {
            throw new CacheFullException("No room for " + incoming + " more bytes in node cache "
                    + directory.root() + ": " + total + " of maxBytes " + maxBytes + " used, "
                    + diskSpace.usableBytes(directory.root()) + " bytes free on disk (reserve " + minFreeDiskBytes
                    + "), and readers hold or fetch the rest", null);
        }
    }

    private boolean tryEvict(CacheDirectory.BlobEntry entry) throws IOException {
        Optional<FileLocks.Held> lock = FileLocks.tryExclusive(directory.lockPath(entry.sha256()));
        if (lock.isEmpty()) {
            return false;
        }
        try (FileLocks.Held held = lock.get()) {
            Path blob = directory.blobPath(entry.sha256());
            if (BlobHolds.isHeld(blob) || !Files.isRegularFile(blob)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock exclusive = channel.tryLock();
                if (exclusive == null) {
                    return false;
                }
                try {
                    Files.delete(blob);
                } finally {
                    exclusive.release();
                }
            }
        }
        onEviction.run();
        LOG.info("Evicted blob {} ({} bytes, least recently used) from node cache {}.", entry.sha256(), entry.size(),
                directory.root());
        return true;
    }
}
