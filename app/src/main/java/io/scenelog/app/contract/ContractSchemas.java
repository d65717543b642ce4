package io.scenelog.app.contract;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.EntityState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.TopicNameStrategy;
import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the platform's contract into the schema registry at start-up: the value schema of every Avro topic,
 * under Confluent's {@code <topic>-value} subject. Writers outside the JVM (kafkajs, Python) find the schemas there
 * by subject ("latest") before the platform has written a single record; without this, the input topics
 * ({@code scene-actions}, {@code scene-control}) would have no subject until some Java writer auto-registered one.
 */
public final class ContractSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ContractSchemas.class);

    private static final List<Entry> VALUES = List.of(
            entry(Topics.SCENE_ACTIONS, SceneAction.class),
            entry(Topics.SCENE_CONTROL, SceneControl.class),
            entry(Topics.SCENE_EVENTS, SceneEvent.class),
            entry(Topics.SCENE_STATE, EntityState.class),
            entry(Topics.SESSION_STATE, EntityState.class),
            entry(Topics.ACTION_RESULTS, ActionResult.class),
            entry(Topics.SESSIONS, SessionRecord.class),
            entry(Topics.SCENES, SceneRecord.class),
            entry(Topics.API_KEYS, ApiKeyRecord.class),
            entry(Topics.RENDER_NODES, NodeStatus.class),
            entry(Topics.ASSETS, AssetRecord.class));

    private ContractSchemas() {
    }

    /** A topic's value schema; the class is checked against the topic's value type at compile time. */
    private record Entry(String subject, Schema schema) {
    }

    private static <V extends SpecificRecord> Entry entry(Topic<String, V> topic, Class<V> type) {
        return new Entry(TopicNameStrategy.subject(topic.name(), false), SpecificData.get().getSchema(type));
    }

    /**
     * Registers every value schema (an already registered schema keeps its id and version).
     *
     * @return the schema id of each subject, in catalogue order
     */
    public static Map<String, Integer> publish(SchemaRegistryClient registry) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Entry entry : VALUES) {
            ids.put(entry.subject(), registry.register(entry.subject(), entry.schema()));
        }
        LOG.info("Published {} value schemas to the schema registry at {}.", ids.size(), registry.location());
        return ids;
    }
}
