package io.scenelog.nodecache.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on lock files that hold across threads and processes. A file lock belongs to the whole JVM (a
 * second lock on the same file from the same JVM throws), so each lock file also has one JVM-wide mutex, taken
 * first: threads queue on the mutex, processes on the file lock.
 */
public final class FileLocks {

    private static final ConcurrentMap<Path, ReentrantLock> MUTEXES = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** Waits for the lock; close the result to release it. */
    public static Held exclusive(Path lockFile) throws IOException {
        ReentrantLock mutex = mutex(lockFile);
        if (mutex.isHeldByCurrentThread()) {
            throw new IllegalStateException("This thread already holds " + lockFile + "; nested locking would"
                    + " deadlock across processes");
        }
        mutex.lock();
        try {
            FileChannel channel = open(lockFile);
            try {
                return new Held(mutex, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            mutex.unlock();
            throw e;
        }
    }

    /** The lock if no thread or process holds it now; empty otherwise. */
    public static Optional<Held> tryExclusive(Path lockFile) throws IOException {
        ReentrantLock mutex = mutex(lockFile);
        if (mutex.isHeldByCurrentThread() || !mutex.tryLock()) {
            return Optional.empty();
        }
        try {
            FileChannel channel = open(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                mutex.unlock();
                return Optional.empty();
            }
            return Optional.of(new Held(mutex, channel, lock));
        } catch (IOException | RuntimeException e) {
            mutex.unlock();
            throw e;
        }
    }

    private static ReentrantLock mutex(Path lockFile) {
        return MUTEXES.computeIfAbsent(lockFile.toAbsolutePath().normalize(), path -> new ReentrantLock());
    }

    private static FileChannel open(Path lockFile) throws IOException {
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** A held lock; closing releases the file lock, then the mutex. */
    public static final class Held implements AutoCloseable {

        private final ReentrantLock mutex;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Held(ReentrantLock mutex, FileChannel channel, FileLock lock) {
            this.mutex = mutex;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
                channel.close();
            } finally {
                mutex.unlock();
            }
        }
    }
}
