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
}
