package io.scenelog.edge.registry.internal.kafka;

import io.scenelog.edge.registry.internal.RegistryState;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registry state shared between the follower thread, which applies the log, and the request
 * threads, which read it: many readers or one applier at a time.
 */
final class RegistryView {

    private final RegistryState state = new RegistryState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T read(Function<RegistryState, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    void update(Consumer<RegistryState> change) {
        lock.writeLock().lock();
        try {
            change.accept(state);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
