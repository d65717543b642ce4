package io.scenelog.renderer.models.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by the approximate bytes of its values. The newest entry always stays, even
 * when it alone is over the bound: evicting it would mean decoding it again on the next frame.
 *
 * @param <V> what it holds
 */
public final class WeighedCache<V> {

    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public WeighedCache(long maxBytes, ToLongFunction<V> weigher) {
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    /** The value, marked as recently used, or null. */
    public V get(String key) {
        return entries.get(key);
    }

    /** Adds a value, evicting the least recently used others while over the bound. */
    public void put(String key, V value) {
        V previous = entries.put(key, value);
        if (previous != null) {
            bytes -= weigher.applyAsLong(previous);
        }
        bytes += weigher.applyAsLong(value);
        Iterator<Map.Entry<String, V>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && entries.size() > 1) {
            Map.Entry<String, V> entry = oldest.next();
            bytes -= weigher.applyAsLong(entry.getValue());
            oldest.remove();
        }
    }

    /** The approximate bytes held. */
    public long bytes() {
        return bytes;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }
}
