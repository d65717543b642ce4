package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerStartException;
import io.scenelog.kafka.embedded.DataDirectoryInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a broker data directory, held for the broker's lifetime.
 *
 * <p>Kafka locks its log directory too, but only after the controller has started and with a
 * message about "another process or thread"; this lock is taken before anything else and its
 * file records the holder's pid, so the error names who is in the way.
 */
public final class DataDirectoryLock implements AutoCloseable {

    /** File name of the lock inside the data directory. */
    public static final String FILE_NAME = "broker.lock";

    /**
     * Lock files held by this JVM. Checked before opening the file: POSIX locks belong to the
     * process, and closing any descriptor of a locked file releases them, so a second broker in
     * this JVM must not even open the file of the first.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param dataDirectory an existing directory
     * @return the held lock
     * @throws DataDirectoryInUseException when another broker holds it
     */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(file)) {
            throw new DataDirectoryInUseException(dataDirectory, "this process, pid " + currentPid());
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(dataDirectory, "process " + holderOf(file));
            }
            recordHolder(channel);
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            BrokerStartException failure = new BrokerStartException("Cannot lock data directory "
                    + dataDirectory + " through " + file + ": " + e.getMessage(), e);
            releaseAfterFailure(file, channel, failure);
            throw failure;
        } catch (RuntimeException e) {
            releaseAfterFailure(file, channel, e);
            throw e;
        }
    }

    /** Releases the lock; the file stays, so a waiting broker never locks a deleted inode. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release data directory lock " + file, e);
        } finally {
            HELD_IN_THIS_JVM.remove(file);
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BrokerStartException("Cannot open data directory lock file " + file + ": "
                    + e.getMessage() + "; check that the directory is writable", e);
        }
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(currentPid().getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    private static String holderOf(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "pid unknown" : "pid " + pid;
        } catch (IOException e) {
            return "pid unreadable: " + e.getMessage();
        }
    }

    private static String currentPid() {
        return Long.toString(ProcessHandle.current().pid());
    }

    private static void releaseAfterFailure(Path file, FileChannel channel, Exception failure) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        } finally {
            HELD_IN_THIS_JVM.remove(file);
        }
    }
}
