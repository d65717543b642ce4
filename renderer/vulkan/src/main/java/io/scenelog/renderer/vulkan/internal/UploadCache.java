package io.scenelog.renderer.vulkan.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Device resources (meshes, textures) by content key, bounded by bytes: when an upload takes the total over the
 * bound, the least recently used others are handed to {@code retire} (which frees them once the device no longer
 * uses them). The entry just uploaded is never evicted, so a single resource larger than the bound still draws.
 * Used by one thread.
 *
 * @param <K> the content key (equal keys, equal data)
 * @param <V> the device resource
 */
public final class UploadCache<K, V> {

    private final long capacityBytes;
    private final ToLongFunction<V> sizeOf;
    private final Consumer<V> retire;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public UploadCache(long capacityBytes, ToLongFunction<V> sizeOf, Consumer<V> retire) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("capacityBytes must be positive, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.sizeOf = Objects.requireNonNull(sizeOf, "sizeOf");
        this.retire = Objects.requireNonNull(retire, "retire");
    }

    /** The resource for this key: the cached one (now most recently used), or a fresh upload. */
    public V get(K key, Supplier<V> upload) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        V uploaded = Objects.requireNonNull(upload.get(), "upload");
        entries.put(key, uploaded);
        bytes += sizeOf.applyAsLong(uploaded);
        evictBeyondCapacity(key);
        return uploaded;
    }

    private void evictBeyondCapacity(K keep) {
        Iterator<Map.Entry<K, V>> oldestFirst = entries.entrySet().iterator();
        while (bytes > capacityBytes && oldestFirst.hasNext()) {
            Map.Entry<K, V> entry = oldestFirst.next();
            if (entry.getKey().equals(keep)) {
                continue;
            }
            oldestFirst.remove();
            bytes -= sizeOf.applyAsLong(entry.getValue());
            retire.accept(entry.getValue());
        }
    }

    /** Whether this key is uploaded (does not count as a use). */
    public boolean contains(K key) {
        return entries.containsKey(key);
    }

    /** The bytes of all uploaded resources. */
    public long bytes() {
        return bytes;
    }

    /** The number of uploaded resources. */
    public int size() {
        return entries.size();
    }

    /** Retires every resource. */
    public void clear() {
        List<V> all = new ArrayList<>(entries.values());
        entries.clear();
        bytes = 0;
        all.forEach(retire);
    }
}
