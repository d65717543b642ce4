package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Readers' holds on blob files: a shared file lock per blob per JVM (file locks belong to the JVM, so the readers
 * of one JVM share one, counted), which an evictor in another process cannot take exclusively, and a count that an
 * evictor in this JVM checks.
 */
public final class BlobHolds {

    private static final Map<Path, Shared> HELD = new HashMap<>();

    private BlobHolds() {
    }

    /** Another hold on a blob this JVM already holds; empty when it holds none (then lock the blob and call hold). */
    public static synchronized Optional<Hold> joinIfHeld(Path blob) {
        Shared shared = HELD.get(key(blob));
        if (shared == null) {
            return Optional.empty();
        }
        shared.count++;
        return Optional.of(new Hold(key(blob)));
    }

    /**
     * A hold on an existing blob; the caller holds the blob's lock file so that no evictor deletes it meanwhile.
     *
     * @throws java.nio.file.NoSuchFileException when the blob is not there
     */
    public static synchronized Hold hold(Path blob) throws IOException {
        Path key = key(blob);
        Shared shared = HELD.get(key);
        if (shared == null) {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.READ);
            try {
                shared = new Shared(channel, channel.lock(0, Long.MAX_VALUE, true));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            HELD.put(key, shared);
        }
        shared.count++;
        return new Hold(key);
    }

    /**
     * A hold on a blob that is already published, taken without its lock file (the warm path: the lock file is for
     * fetching); empty when the blob is not there or was replaced while the hold was taken. A published blob is
     * complete (it was moved into place whole) and, once held, no evictor deletes it.
     */
    public static synchronized Optional<Hold> holdIfPublished(Path blob) throws IOException {
        Path key = key(blob);
        Object before;
        try {
            before = Files.readAttributes(key, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Hold hold;
        try {
            hold = hold(key);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // an evictor of another process may have deleted it (or a fetch replaced it) while this waited for the lock
        Object after;
        try {
            after = Files.readAttributes(key, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            after = null;
        }
        if (before == null || !before.equals(after)) {
            hold.close();
            return Optional.empty();
        }
        return Optional.of(hold);
    }

    /** Whether a reader of this JVM holds the blob. */
    public static synchronized boolean isHeld(Path blob) {
        return HELD.containsKey(key(blob));
    }

    private static synchronized void release(Path key) throws IOException {
        Shared shared = HELD.get(key);
        if (shared == null || --shared.count > 0) {
            return;
        }
        HELD.remove(key);
        try {
            shared.lock.release();
        } finally {
            shared.channel.close();
        }
    }

    private static Path key(Path blob) {
        return blob.toAbsolutePath().normalize();
    }

    private static final class Shared {
        private final FileChannel channel;
        private final FileLock lock;
        private int count;

        private Shared(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** One reader's hold; closing it lets the blob be evicted once no other reader holds it. */
    public static final class Hold implements AutoCloseable {

        private final Path key;
        private boolean released;

        private Hold(Path key) {
            this.key = key;
        }

        @Override
        public void close() throws IOException {
            if (!released) {
                released = true;
                release(key);
            }
        }
    }
}
