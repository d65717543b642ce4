package io.scenelog.streams;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.CommitProcessor;
import io.scenelog.streams.internal.CommitStores;
import io.scenelog.streams.internal.RenderNodes;
import io.scenelog.streams.internal.RoutedKeySerializer;
import io.scenelog.streams.internal.SceneLocks;
import io.scenelog.streams.internal.ScenePartitioner;
import io.scenelog.streams.internal.Sink;
import io.scenelog.topics.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The commit pipeline as a Kafka Streams topology, built in one place so tests drive exactly what production runs:
 *
 * <pre>
 *   scene-actions-source (scene-actions) ─┐
 *   scene-control-source (scene-control) ─┴─► validate-and-commit ─► committed-events-sink  (scene-events)
 *        stores: scenes-store, entities-store,  ─► persisted-state-sink   (scene-state)
 *                overlay-store, sessions-store, ─► session-overlay-sink   (session-state)
 *                dedup-store                    ─► action-results-sink    (action-results)
 *                                               ─► session-lifecycle-sink (sessions)
 *                                               ─► scene-records-sink     (scenes)
 * </pre>
 *
 * No repartitioning: both inputs are keyed and partitioned by scene, and every sink writes to its scene's partition.
 * One global store, {@code render-nodes-store} (from {@code render-nodes} through {@code render-nodes-update}), gives
 * every task the render nodes' last heartbeats: the commit step assigns its scenes' sessions to nodes and moves them
 * off dead ones (a wall-clock punctuation, {@link io.scenelog.streams.placement.PlacementSettings}).
 */
public final class SceneTopology {

    /** The source node of scene actions. */
    public static final String ACTIONS_SOURCE = "scene-actions-source";
    /** The source node of scene and session commands. */
    public static final String CONTROL_SOURCE = "scene-control-source";
    /** The processor that validates and commits. */
    public static final String COMMIT = "validate-and-commit";

    private SceneTopology() {
    }

    /** The production topology. */
    public static Topology build(TopologySettings settings, SchemaRegistryClient registry) {
        return build(settings, registry, new SceneLocks());
    }

    /** The production topology, sharing scene locks with the state queries of the same application. */
    static Topology build(TopologySettings settings, SchemaRegistryClient registry, SceneLocks locks) {
        Topology topology = new Topology();
        topology.addSource(ACTIONS_SOURCE, Topics.SCENE_ACTIONS.keySerde(registry).deserializer(),
                Topics.SCENE_ACTIONS.valueSerde(registry).deserializer(), Topics.SCENE_ACTIONS.name());
        topology.addSource(CONTROL_SOURCE, Topics.SCENE_CONTROL.keySerde(registry).deserializer(),
                Topics.SCENE_CONTROL.valueSerde(registry).deserializer(), Topics.SCENE_CONTROL.name());
        topology.addProcessor(COMMIT, () -> new CommitProcessor(settings, registry, locks),
                ACTIONS_SOURCE, CONTROL_SOURCE);
        for (StoreBuilder<?> store : CommitStores.builders(settings.storeKind(), registry)) {
            topology.addStateStore(store, COMMIT);
        }
        topology.addGlobalStore(RenderNodes.storeBuilder(), RenderNodes.SOURCE, new StringDeserializer(),
                new ByteArrayDeserializer(), Topics.RENDER_NODES.name(), RenderNodes.UPDATE,
                () -> RenderNodes.updater(registry));
        for (Sink sink : Sink.values()) {
            topology.addSink(sink.nodeName(), sink.topic().name(), new RoutedKeySerializer(),
                    new ByteArraySerializer(), new ScenePartitioner(), COMMIT);
        }
        return topology;
    }
}
