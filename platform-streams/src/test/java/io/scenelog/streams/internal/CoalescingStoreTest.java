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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CoalescingStore} inside a real Kafka Streams task (the test driver commits after every input record): each
 * input record runs a script of writes and reads inside one transaction, so the tests see what waits and what a
 * commit writes.
 */
class CoalescingStoreTest {

    private static final String STORE = "coalesced-store";
    private static final String CHANGELOG = "coalescing-test-" + STORE + "-changelog";

    /** What one input record does with the store; keyed by the record's value. */
    private final Map<String, BiConsumer<KeyValueStore<String, byte[]>, CoalescingStore>> scripts =
            new HashMap<>();
    private final List<String> seen = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, byte[]> changelog;

    private void start() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("script", ScriptProcessor::new, "in");
        topology.addStateStore(CoalescingStore.builder(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of()).withCachingDisabled()), "script");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "coalescing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, props);
        input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldWriteAKeyOnceAtTheCommitHoweverOftenItChanges() {
        // given: one transaction writes its first few keys, then the same key five times
        scripts.put("busy", (store, layer) -> {
            fill(store);
            for (int i = 1; i <= 5; i++) {
                store.put("scene", bytes("v" + i));
            }
            seen.add("read " + text(store.get("scene")));
            seen.add("waiting " + layer.waitingWrites());
        });
        start();

        // when
        input.pipeInput("k", "busy");

        // then: readers saw the newest value while it waited; the changelog got the key once, its last value
        assertThat(seen).containsExactly("read v5", "waiting 1");
        assertThat(changelog.readKeyValuesToList()).filteredOn(kv -> kv.key.equals("scene"))
                .extracting(kv -> text(kv.value)).containsExactly("v5");
        assertThat(text(driver.<String, byte[]>getKeyValueStore(STORE).get("scene"))).isEqualTo("v5");
        assertThat(layer().waitingWrites()).isZero();
    }

    @Test
    void shouldLetTheFirstWritesOfEveryCommitThrough() {
        // given
        scripts.put("few", (store, layer) -> {
            fill(store);
            seen.add("waiting " + layer.waitingWrites());
        });
        start();

        // when: two transactions with as many writes as go through at once
        input.pipeInput("k", "few");
        input.pipeInput("k", "few");

        // then: nothing waited, each commit logged its writes
        assertThat(seen).containsExactly("waiting 0", "waiting 0");
        assertThat(changelog.readKeyValuesToList()).hasSize(2 * CoalescingStore.WRITTEN_AT_ONCE);
    }

    @Test
    void shouldShowWaitingWritesAndDeletesToScans() {
        // given: a/1 and a/2 committed, then a transaction changes a/2, deletes a/1 and adds a/3, b/1
        scripts.put("seed", (store, layer) -> store.putAll(List.of(KeyValue.pair("a/1", bytes("1")),
                KeyValue.pair("a/2", bytes("2")))));
        scripts.put("change", (store, layer) -> {
            fill(store);
            store.put("a/2", bytes("2'"));
            seen.add("deleted " + text(store.delete("a/1")));
            store.put("a/3", bytes("3"));
            store.put("b/1", bytes("b"));
            seen.add("waiting " + layer.waitingWrites());
            seen.add("prefix " + entries(store.prefixScan("a/", new StringSerializer())));
            seen.add("range " + entries(store.range("a/2", "b/1")));
            seen.add("reverse " + entries(store.reverseRange("a/1", "a/9")));
            seen.add("all " + entries(store.all()));
            seen.add("get a/1 " + text(store.get("a/1")));
        });
        start();
        input.pipeInput("k", "seed");

        // when
        input.pipeInput("k", "change");

        // then
        String all = "[a/2=2', a/3=3, b/1=b, " + String.join(", ", filled()) + "]";
        assertThat(seen).containsExactly(
                "deleted 1",
                "waiting 4",
                "prefix [a/2=2', a/3=3]",
                "range [a/2=2', a/3=3, b/1=b]",
                "reverse [a/3=3, a/2=2']",
                "all " + all,
                "get a/1 null");
        // and after the commit the store underneath holds the same
        assertThat(entries(driver.<String, byte[]>getKeyValueStore(STORE).all())).isEqualTo(all);
        assertThat(layer().waitingWrites()).isZero();
    }

    @Test
    void shouldAnswerPutIfAbsentFromTheWaitingWrites() {
        // given
        scripts.put("absent", (store, layer) -> {
            fill(store);
            seen.add("new " + text(store.putIfAbsent("k", bytes("a"))));
            seen.add("again " + text(store.putIfAbsent("k", bytes("b"))));
            seen.add("value " + text(store.get("k")));
        });
        start();

        // when
        input.pipeInput("k", "absent");

        // then
        assertThat(seen).containsExactly("new null", "again a", "value a");
    }

    /** Writes as many keys ("z/0", "z/1", ...) as go through at once, so the transaction's next writes wait. */
    private static void fill(KeyValueStore<String, byte[]> store) {
        for (int i = 0; i < CoalescingStore.WRITTEN_AT_ONCE; i++) {
            store.put("z/" + i, bytes("f"));
        }
    }

    private static List<String> filled() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < CoalescingStore.WRITTEN_AT_ONCE; i++) {
            entries.add("z/" + i + "=f");
        }
        return entries;
    }

    private CoalescingStore layer() {
        return (CoalescingStore) driver.<String, byte[]>getKeyValueStore(STORE);
    }

    private static String entries(KeyValueIterator<String, byte[]> it) {
        List<String> all = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> all.add(kv.key + "=" + text(kv.value)));
        }
        return all.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Runs the script its record names against the store. */
    private final class ScriptProcessor implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, byte[]> store;

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
