package io.scenelog.streams.internal;

import io.scenelog.model.NodeStatus;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The render nodes' last heartbeats, a global store every task reads for placement: the bytes of {@code render-nodes}
 * by node id. Heartbeats come from outside the pipeline, so a record that does not decode is logged and skipped:
 * it must not stop placement for every other node.
 */
public final class RenderNodes {

    /** The global store. */
    public static final String STORE = "render-nodes-store";
    /** The source node of the global store. */
    public static final String SOURCE = "render-nodes-source";
    /** The processor that keeps the global store. */
    public static final String UPDATE = "render-nodes-update";

    private static final Logger LOG = LoggerFactory.getLogger(RenderNodes.class);
    /** Keys already reported undecodable, so a bad heartbeat is logged once, not at every placement round. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final KeyValueStore<String, byte[]> store;
    private final Deserializer<NodeStatus> reader;

    RenderNodes(KeyValueStore<String, byte[]> store, SchemaRegistryClient registry) {
        this.store = store;
        this.reader = Topics.RENDER_NODES.valueSerde(registry).deserializer();
    }

    /** The builder of the global store: in memory, restored from the topic itself (a global store keeps no log). */
    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    /** The processor that writes heartbeats into the global store (tombstones remove a node). */
    public static Processor<String, byte[], Void, Void> updater(SchemaRegistryClient registry) {
        return new Processor<>() {
            private KeyValueStore<String, byte[]> nodes;
            private Deserializer<NodeStatus> check;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                nodes = context.getStateStore(STORE);
                check = Topics.RENDER_NODES.valueSerde(registry).deserializer();
            }

            @Override
            public void process(Record<String, byte[]> record) {
                if (record.key() == null) {
                    LOG.warn("Skipped a heartbeat without a node id on {}.", Topics.RENDER_NODES.name());
                } else if (record.value() == null) {
                    nodes.delete(record.key());
                } else if (decode(check, record.key(), record.value()) != null) {
                    nodes.put(record.key(), record.value());
                }
            }
        };
    }

    /** The last heartbeat of every node whose heartbeat decodes, by node id. */
    Map<String, NodeStatus> all() {
        Map<String, NodeStatus> nodes = new HashMap<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var next = it.next();
                NodeStatus node = decode(reader, next.key, next.value);
                if (node != null) {
                    nodes.put(next.key, node);
                }
            }
        }
        return nodes;
    }

    /** The heartbeat, or null (logged once per node) when the bytes are not a NodeStatus. */
    private static NodeStatus decode(Deserializer<NodeStatus> reader, String nodeId, byte[] bytes) {
        try {
            NodeStatus node = reader.deserialize(Topics.RENDER_NODES.name(), bytes);
            REPORTED.remove(nodeId);
            return node;
        } catch (SerializationException e) {
            if (REPORTED.add(nodeId)) {
                LOG.warn("Ignored the heartbeat of render node '{}': it is not a NodeStatus ({}).", nodeId,
                        e.getMessage(), e);
            }
            return null;
        }
    }
}
