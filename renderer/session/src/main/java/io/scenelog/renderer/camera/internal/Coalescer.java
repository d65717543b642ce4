package io.scenelog.renderer.camera.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lets through at most one value per key and interval; a value offered sooner waits, replacing any value already
 * waiting for that key (the latest wins), until its key's interval has passed. Time is given by the caller (nanos of a
 * monotonic clock), so the rule is tested without waiting. Thread-safe.
 *
 * @param <K> what values are rationed per (a client)
 * @param <V> the values (camera poses)
 */
public final class Coalescer<K, V> {

    private final long intervalNanos;
    private final Map<K, Long> lastSent = new HashMap<>();
    private final Map<K, V> waiting = new LinkedHashMap<>();

    public Coalescer(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("An interval cannot be negative, got " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
    }

    /** The value to send now, or empty when it must wait (then {@link #due} hands it out later). */
    public synchronized Optional<V> offer(K key, V value, long now) {
        Long last = lastSent.get(key);
        if (last == null || now - last >= intervalNanos) {
            lastSent.put(key, now);
            waiting.remove(key);
            return Optional.of(value);
        }
        waiting.put(key, value);
        return Optional.empty();
    }

    /** The waiting values whose interval has passed, each marked sent now. */
    public synchronized Map<K, V> due(long now) {
        Map<K, V> due = new LinkedHashMap<>();
        Iterator<Map.Entry<K, V>> each = waiting.entrySet().iterator();
        while (each.hasNext()) {
            Map.Entry<K, V> entry = each.next();
            if (now - lastSent.get(entry.getKey()) >= intervalNanos) {
                due.put(entry.getKey(), entry.getValue());
                lastSent.put(entry.getKey(), now);
                each.remove();
            }
        }
        return due;
    }

    /** When the earliest waiting value falls due, if one waits. */
    public synchronized OptionalLong nextDue() {
        return waiting.keySet().stream().mapToLong(key -> lastSent.get(key) + intervalNanos).min();
    }

    /** Forgets a key (a client that left): its waiting value is dropped. */
    public synchronized void forget(K key) {
        waiting.remove(key);
        lastSent.remove(key);
    }
}
