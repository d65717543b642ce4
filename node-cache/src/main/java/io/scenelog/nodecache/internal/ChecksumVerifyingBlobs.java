package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.CachedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves only bytes that match their name: a blob this process has not seen yet (a previous run's, or another
 * process's) is hashed in full on its first open, then only its size and file identity are checked; a corrupt or
 * truncated file is discarded and fetched again. Blobs this process fetched were verified by the fetch itself.
 */
public final class ChecksumVerifyingBlobs implements Blobs {

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumVerifyingBlobs.class);
    private static final int BUFFER = 256 * 1024;

    private final Blobs inner;
    private final Runnable onCorruptFile;
    private final Map<String, FileIdentity> verified = new ConcurrentHashMap<>();

    /**
     * @param onCorruptFile counts a corrupt file found on disk
     */
    public ChecksumVerifyingBlobs(Blobs inner, Runnable onCorruptFile) {
        this.inner = inner;
        this.onCorruptFile = onCorruptFile;
    }

    @Override
    public CachedBlob open(BlobRef ref) throws IOException {
        CachedBlob blob = inner.open(ref);
        try {
            FileIdentity identity = FileIdentity.of(blob.path());
            if (blob.fetched() || identity.equals(verified.get(ref.sha256()))) {
                verified.put(ref.sha256(), identity);
                return blob;
            }
            if (hashOf(blob.path()).equals(ref.sha256())) {
                verified.put(ref.sha256(), identity);
                return blob;
            }
        } catch (IOException | RuntimeException e) {
            blob.close();
            throw e;
        }
        blob.close();
        onCorruptFile.run();
        LOG.warn("Cached blob {} does not match its hash (corrupt or truncated on disk); discarding it and fetching"
                + " it again.", ref.sha256());
        verified.remove(ref.sha256());
        inner.discard(ref.sha256());
        return inner.open(ref);
    }

    @Override
    public void discard(String sha256) throws IOException {
        verified.remove(sha256);
        inner.discard(sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return inner.contains(sha256);
    }

    private static String hashOf(Path file) throws IOException {
        MessageDigest digest = Sha256Hex.newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256Hex.hex(digest);
    }

    /** Which file and how long: a blob fetched again is a new inode, so it is verified again. */
    private record FileIdentity(Object fileKey, long size) {

        static FileIdentity of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileIdentity(Objects.requireNonNullElse(attributes.fileKey(), file), attributes.size());
        }
    }
}
