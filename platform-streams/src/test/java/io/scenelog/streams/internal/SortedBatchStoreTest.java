package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedBatchStore} under the metered and changelog layers of a real Kafka Streams task (the test driver
 * commits after every input record), and on its own over a store that records how it is written.
 */
class SortedBatchStoreTest {

    private static final String STORE = "sorted-store";
    private static final String CHANGELOG = "sorted-batch-test-" + STORE + "-changelog";

    /** What one input record does with the store; keyed by the record's value. */
    private final Map<String, BiConsumer<KeyValueStore<Bytes, byte[]>, SortedBatchStore>> scripts = new HashMap<>();
    private final List<String> seen = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<Bytes, byte[]> changelog;

    private void start() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("script", ScriptProcessor::new, "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                SortedBatchStore.supplier(Stores.inMemoryKeyValueStore(STORE)), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of()).withCachingDisabled(), "script");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sorted-batch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        changelog = driver.createOutputTopic(CHANGELOG, new BytesDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldHoldRocksDbWritesUntilTheCommitButLogThemAtOnce() {
        // given
        scripts.put("write", (store, layer) -> {
            store.put(key("b"), bytes("2"));
            store.put(key("a"), bytes("1"));
            store.put(key("c"), bytes("3"));
            seen.add("held " + layer.heldWrites());
            seen.add("underneath " + text(layer.wrapped().get(key("a"))));
            seen.add("read " + text(store.get(key("a"))));
        });
        start();

        // when
        input.pipeInput("k", "write");

        // then: readers saw the held writes; the changelog got every write in the order written; the commit
        // moved them to the store underneath
        assertThat(seen).containsExactly("held 3", "underneath null", "read 1");
        assertThat(changelog.readKeyValuesToList()).extracting(kv -> text(kv.key.get()))
                .containsExactly("b", "a", "c");
        assertThat(layer().heldWrites()).isZero();
        assertThat(text(layer().wrapped().get(key("c")))).isEqualTo("3");
    }

    @Test
    void shouldShowHeldWritesAndDeletesToScans() {
        // given: a/1, a/2 and c/1 committed, then a transaction changes a/2, deletes a/1 and adds a/3, b/1
        scripts.put("seed", (store, layer) -> store.putAll(List.of(KeyValue.pair(key("a/1"), bytes("1")),
                KeyValue.pair(key("a/2"), bytes("2")), KeyValue.pair(key("c/1"), bytes("c")))));
        scripts.put("change", (store, layer) -> {
            store.put(key("a/2"), bytes("2'"));
            seen.add("deleted " + text(store.delete(key("a/1"))));
            store.put(key("a/3"), bytes("3"));
            store.put(key("b/1"), bytes("b"));
            seen.add("range " + entries(store.range(key("a/1"), key("b/9"))));
            seen.add("reverse " + entries(store.reverseRange(key("a/1"), key("a/9"))));
            seen.add("open range " + entries(store.range(null, key("a/2"))) + entries(store.range(key("b"), null)));
            seen.add("empty range " + entries(store.range(key("b"), key("a"))));
            seen.add("all " + entries(store.all()));
            seen.add("reverse all " + entries(store.reverseAll()));
            seen.add("prefix " + entries(store.prefixScan("a/", new StringSerializer())));
            try (KeyValueIterator<Bytes, byte[]> it = store.range(key("a/0"), key("z"))) {
                seen.add("peek " + text(it.peekNextKey().get()));
            }
            seen.add("get a/1 " + text(store.get(key("a/1"))));
        });
        start();
        input.pipeInput("k", "seed");

        // when
        input.pipeInput("k", "change");

        // then
        assertThat(seen).containsExactly(
                "deleted 1",
                "range [a/2=2', a/3=3, b/1=b]",
                "reverse [a/3=3, a/2=2']",
                "open range [a/2=2'][b/1=b, c/1=c]",
                "empty range []",
                "all [a/2=2', a/3=3, b/1=b, c/1=c]",
                "reverse all [c/1=c, b/1=b, a/3=3, a/2=2']",
                "prefix [a/2=2', a/3=3]",
                "peek a/2",
                "get a/1 null");
        // and after the commit the store underneath holds the same
        assertThat(entries(layer().wrapped().all())).isEqualTo("[a/2=2', a/3=3, b/1=b, c/1=c]");
    }

    @Test
    void shouldWriteWhatItHoldsAsOneBatchInKeyOrder() {
        // given
        RecordingStore underneath = new RecordingStore();
        SortedBatchStore layer = new SortedBatchStore(underneath);
        layer.put(key("c"), bytes("3"));
        layer.put(key("a"), bytes("1"));
        layer.put(key("b"), bytes("2"));
        layer.put(key("a"), bytes("1'"));
        layer.delete(key("b"));

        // when
        layer.flushCache();

        // then
        assertThat(underneath.batches).containsExactly(List.of("a=1'", "b=null", "c=3"));
        assertThat(layer.heldWrites()).isZero();
    }

    @Test
    void shouldForgetWhatItHoldsWhenClosedWithoutACommit() {
        // given
        RecordingStore underneath = new RecordingStore();
        SortedBatchStore layer = new SortedBatchStore(underneath);
        layer.put(key("a"), bytes("1"));

        // when
        layer.close();

        // then
        assertThat(layer.heldWrites()).isZero();
        assertThat(underneath.batches).isEmpty();
    }

    private SortedBatchStore layer() {
        StateStore store = driver.<Bytes, byte[]>getKeyValueStore(STORE);
        while (!(store instanceof SortedBatchStore)) {
            store = ((WrappedStateStore<?, ?, ?>) store).wrapped();
        }
        return (SortedBatchStore) store;
    }

    private static Bytes key(String text) {
        return Bytes.wrap(bytes(text));
    }

    private static String entries(KeyValueIterator<Bytes, byte[]> it) {
        List<String> all = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> all.add(text(kv.key.get()) + "=" + text(kv.value)));
        }
        return all.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** An in-memory store that notes each batch written to it. */
    private static final class RecordingStore extends InMemoryKeyValueStore {

        final List<List<String>> batches = new ArrayList<>();

        RecordingStore() {
            super("recording");
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            batches.add(entries.stream().map(kv -> text(kv.key.get()) + "=" + text(kv.value)).toList());
            super.putAll(entries);
        }
    }

    /** Runs the script its record names against the store. */
    private final class ScriptProcessor implements Processor<String, String, Void, Void> {

        private KeyValueStore<Bytes, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            scripts.get(record.value()).accept(store, layer());
        }
    }
}
