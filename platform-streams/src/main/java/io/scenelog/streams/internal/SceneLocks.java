package io.scenelog.streams.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets state queries read a scene as of one version. The commit processor holds a scene's write lock while it
 * writes one action's entities (persisted or overlay) and the scene version, or one command's records and the
 * entities it drops; a query holds the read lock while it reads the version and scans the entities (and a session's
 * overlay), so it never sees half an action. One instance per running application, shared by its
 * processors and its queries (both in this JVM; a query for another instance's scene goes there over HTTP).
 */
public final class SceneLocks {

    private final ConcurrentMap<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

    /** Runs store writes for one scene under its write lock. */
    <T> T writeAndReturn(String sceneId, Supplier<T> writes) {
        ReadWriteLock lock = lockOf(sceneId);
        lock.writeLock().lock();
        try {
            return writes.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a read of one scene under its read lock. */
    public <T> T read(String sceneId, Supplier<T> reader) {
        ReadWriteLock lock = lockOf(sceneId);
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private ReadWriteLock lockOf(String sceneId) {
        return locks.computeIfAbsent(sceneId, id -> new ReentrantReadWriteLock());
    }
}
