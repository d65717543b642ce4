package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cache's layout on disk, which is also its index: {@code blobs/<first 2 hex>/<sha256>} holds complete,
 * verified blobs (a blob appears there only by an atomic rename); {@code tmp/<sha256>.part} a download in progress;
 * {@code locks/} the lock files that coordinate the node's processes; {@code stats.properties} the counters of every
 * process; {@code node-cache.properties} the size bound, for the status command.
 */
public final class CacheDirectory {

    private static final String PART = ".part";

    private final Path root;
    private final Path blobs;
    private final Path tmp;
    private final Path locks;

    private CacheDirectory(Path root) {
        this.root = root;
        this.blobs = root.resolve("blobs");
        this.tmp = root.resolve("tmp");
        this.locks = root.resolve("locks");
    }

    /** Creates the layout under a directory when missing. */
    public static CacheDirectory create(Path root) throws IOException {
        CacheDirectory directory = new CacheDirectory(root.toAbsolutePath().normalize());
        Files.createDirectories(directory.blobs);
        Files.createDirectories(directory.tmp);
        Files.createDirectories(directory.locks);
        return directory;
    }

    /** The layout of an existing directory, read-only, for the status command. */
    public static Optional<CacheDirectory> existing(Path root) {
        CacheDirectory directory = new CacheDirectory(root.toAbsolutePath().normalize());
        return Files.isDirectory(directory.blobs) ? Optional.of(directory) : Optional.empty();
    }

    public Path root() {
        return root;
    }

    public Path blobPath(String sha256) {
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public Path partPath(String sha256) {
        return tmp.resolve(sha256 + PART);
    }

    /** One lock file per blob, never deleted: deleting a lock file would let two processes lock two inodes. */
    public Path lockPath(String sha256) {
        return locks.resolve(sha256 + ".lock");
    }

    public Path evictionLock() {
        return locks.resolve("evict.lock");
    }

    public Path statsLock() {
        return locks.resolve("stats.lock");
    }

    public Path statsFile() {
        return root.resolve("stats.properties");
    }

    public Path settingsFile() {
        return root.resolve("node-cache.properties");
    }

    /** Downloads left in {@code tmp} (by this or another process, finished or not), by the blob they are for. */
    public List<String> partialDownloads() throws IOException {
        List<String> shas = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "*" + PART)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String sha = name.substring(0, name.length() - PART.length());
                if (Sha256Hex.isValid(sha)) {
                    shas.add(sha);
                }
            }
        }
        return shas;
    }

    /** Every complete blob with its size and last access, read from the disk now (other processes add and evict). */
    public List<BlobEntry> scan() throws IOException {
        List<BlobEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(blobs)) {
            for (Path prefix : prefixes) {
                scanPrefix(prefix, entries);
            }
        }
        return entries;
    }

    private static void scanPrefix(Path prefix, List<BlobEntry> entries) throws IOException {
        if (!Files.isDirectory(prefix)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
            for (Path file : files) {
                String sha = file.getFileName().toString();
                if (!Sha256Hex.isValid(sha)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    entries.add(new BlobEntry(sha, attributes.size(), attributes.lastModifiedTime().toMillis()));
                } catch (NoSuchFileException evictedMeanwhile) {
                    // Another process evicted it between the listing and the read: it is simply not an entry.
                    continue;
                }
            }
        }
    }

    /**
     * A blob on disk.
     *
     * @param sha256 its hash and file name
     * @param size its length
     * @param lastAccessMillis its last access (the file's modification time, which every open sets)
     */
    public record BlobEntry(String sha256, long size, long lastAccessMillis) {
    }
}
