package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedMemoryRocksDbConfigTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void shouldCountMemtablesInSmallBlocksSoTheSharedBudgetDoesNotForceAFlushPerPut() {
        // given
        Map<String, Object> configs = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "test",
                BoundedMemoryRocksDbConfig.MEMORY_BYTES, Long.toString(64L << 20),
                BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, Long.toString(16L << 20));

        try (Options options = new Options()) {
            options.setWriteBufferSize(16L << 20);
            options.setTableFormatConfig(new BlockBasedTableConfig());

            // when
            new BoundedMemoryRocksDbConfig().setConfig("dedup-store", options, configs);

            // then: a hundred stores, each with one block in use, stay well inside the budget
            assertThat(options.arenaBlockSize()).isEqualTo(BoundedMemoryRocksDbConfig.ARENA_BLOCK_BYTES);
            assertThat(100 * options.arenaBlockSize()).isLessThan(16L << 20);
        }
    }

    @Test
    void shouldKeepTheBottommostBloomFiltersOfTheDedupStoreWhoseLookupsMostlyMiss() {
        // given: Kafka Streams drops the bottommost level's filters, as it does before calling the setter
        Map<String, Object> configs = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "test",
                BoundedMemoryRocksDbConfig.MEMORY_BYTES, Long.toString(64L << 20),
                BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, Long.toString(16L << 20));

        try (Options dedup = new Options(); Options entities = new Options()) {
            for (Options options : new Options[] {dedup, entities}) {
                options.setTableFormatConfig(new BlockBasedTableConfig());
                options.setOptimizeFiltersForHits(true);
            }

            // when
            new BoundedMemoryRocksDbConfig().setConfig(CommitStores.DEDUP, dedup, configs);
            new BoundedMemoryRocksDbConfig().setConfig(CommitStores.ENTITIES, entities, configs);

            // then: a miss in the dedup store is answered by a filter at every level; stores read for keys that
            // exist keep Kafka Streams' choice
            assertThat(dedup.optimizeFiltersForHits()).isFalse();
            assertThat(entities.optimizeFiltersForHits()).isTrue();
        }
    }
}
