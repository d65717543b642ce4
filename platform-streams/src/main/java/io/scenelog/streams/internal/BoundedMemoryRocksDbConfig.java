package io.scenelog.streams.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.apache.kafka.streams.state.RocksDBConfigSetter;

/**
 * Bounds the off-heap memory of every RocksDB store of the process: one LRU block cache shared by all stores, with
 * memtables charged to it through a shared write buffer manager, and index and filter blocks kept in the cache
 * (instead of growing without bound beside it). Without this, each store of each task gets its own cache and
 * memtables, and memory grows with the number of partitions.
 *
 * <p>Sizes come from the Streams configuration ({@link #MEMORY_BYTES}, {@link #WRITE_BUFFER_BYTES}). The cache is
 * shared by every store configured with the same sizes and lives as long as the JVM: stores come and go with task
 * assignment, the budget stays.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    /** Streams config key: the total bytes of the shared block cache, memtables included. */
    public static final String MEMORY_BYTES = "scenelog.rocksdb.memory.bytes";
    /** Streams config key: the bytes of that total that memtables may use. */
    public static final String WRITE_BUFFER_BYTES = "scenelog.rocksdb.write.buffer.bytes";

    /** Index and filter blocks get this share of the cache with high priority, so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    /** The memtable allocation unit: small next to the budget, large next to a record. */
    static final long ARENA_BLOCK_BYTES = 64L * 1024;
    private static final ConcurrentMap<String, SharedMemory> MEMORY = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = bytes(configs, MEMORY_BYTES);
        long writeBuffers = bytes(configs, WRITE_BUFFER_BYTES);
        SharedMemory memory = MEMORY.computeIfAbsent(total + "/" + writeBuffers,
                key -> new SharedMemory(total, writeBuffers));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        // The write buffer manager counts a memtable by its arena blocks, and a memtable holds at least one as soon
        // as it is written to. The default block (1/8 of the 16 MiB memtable Streams configures: 2 MiB) times five
        // stores per task exceeds the shared budget from a dozen tasks on, and then every put flushes its memtable
        // into a tiny SST file (hundreds per second, most of the stream thread's time). Small blocks keep the count
        // close to what memtables really hold.
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setTableFormatConfig(table);
        if (storeName.equals(CommitStores.DEDUP)) {
            // Kafka Streams turns on optimize_filters_for_hits: no bloom filter for the bottommost level, the largest
            // part of a store, because most lookups of a key-value store find their key. Nearly every dedup lookup
            // misses (a new actionId, a new sequence number), so without that level's filter each one searched the
            // level's index and read a data block: the larger part of the pipeline's RocksDB reads. With the filter
            // a miss costs a few bit probes.
            options.setOptimizeFiltersForHits(false);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared with the other stores: closing them here would pull
        // them from under those stores.
    }

    private static long bytes(Map<String, Object> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            throw new IllegalStateException("Streams config " + key + " is missing; PlatformStreams sets it from"
                    + " StreamsSettings.rocksDb*Bytes");
        }
        return Long.parseLong(value.toString());
    }

    private record SharedMemory(Cache cache, WriteBufferManager writeBuffers) {
        SharedMemory(long total, long writeBuffers) {
            this(new LRUCache(total, -1, false, HIGH_PRIORITY_POOL_RATIO), writeBuffers);
        }

        private SharedMemory(LRUCache cache, long writeBuffers) {
            this(cache, new WriteBufferManager(writeBuffers, cache));
        }
    }
}
