package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PreCommitStore} inside a real Kafka Streams task: the hook runs before every commit, in the transaction. */
class PreCommitStoreTest {

    private static final String STORE = "hooked-store";

    private final List<String> events = new ArrayList<>();
    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldRunTheHookBeforeEachCommitAndLetItWriteTheStore() {
        // given: a processor that counts records and writes the count once per commit
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("counting", CountingProcessor::new, "in");
        topology.addStateStore(PreCommitStore.builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingEnabled(Map.of()).withCachingDisabled()), "counting");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pre-commit-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        TestInputTopic<String, String> input =
                driver.createInputTopic("in", new StringSerializer(), new StringSerializer());

        // when: the driver commits after each record
        input.pipeInput("k", "a");
        input.pipeInput("k", "b");

        // then: the hook ran after each record's processing, and what it wrote is in the store and its changelog
        assertThat(events).containsExactly("process a", "commit", "process b", "commit");
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(STORE);
        assertThat(new String(store.get(Bytes.wrap("count".getBytes())))).isEqualTo("2");
        assertThat(driver.createOutputTopic("pre-commit-test-" + STORE + "-changelog",
                Serdes.Bytes().deserializer(), Serdes.ByteArray().deserializer()).readValuesToList()).hasSize(2);
    }

    @Test
    void shouldRefuseAStoreWithoutTheLayer() {
        KeyValueStore<Bytes, byte[]> plain = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("plain"),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();

        assertThatThrownBy(() -> PreCommitStore.of(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain");
    }

    /** Counts its records; the hook writes the count. */
    private final class CountingProcessor implements Processor<String, String, Void, Void> {

        private int count;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            KeyValueStore<Bytes, byte[]> store = context.getStateStore(STORE);
            PreCommitStore.of(store).beforeCommit(() -> {
                events.add("commit");
                store.put(Bytes.wrap("count".getBytes()), Integer.toString(count).getBytes());
            });
        }

        @Override
        public void process(Record<String, String> record) {
            count++;
            events.add("process " + record.value());
        }
    }
}
