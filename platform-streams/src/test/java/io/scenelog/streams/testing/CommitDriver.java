package io.scenelog.streams.testing;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.streams.SceneTopology;
import io.scenelog.streams.StoreKind;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.TopologySettings;
import io.scenelog.streams.internal.StreamsConfigs;
import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a TopologyTestDriver with the production Streams configuration (exactly-once, the
 * dead-letter handlers), in-memory stores and an in-memory schema registry. Wall-clock time starts at
 * {@link Fixtures#T0} and moves only when a test says so.
 */
public final class CommitDriver implements AutoCloseable {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, SceneAction> actions;
    private final TestInputTopic<String, SceneControl> control;
    private final TestInputTopic<byte[], byte[]> rawActions;
    private final TestInputTopic<String, NodeStatus> renderNodes;
    private final TestOutputTopic<String, SceneEvent> events;
    private final TestOutputTopic<String, EntityState> sceneState;
    private final TestOutputTopic<String, EntityState> sessionState;
    private final TestOutputTopic<String, ActionResult> results;
    private final TestOutputTopic<String, SessionRecord> sessions;
    private final TestOutputTopic<String, SceneRecord> scenes;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private Duration elapsed = Duration.ZERO;

    public CommitDriver() {
        this(TopologySettings.forTests(Fixtures.KEY));
    }

    public CommitDriver(TopologySettings settings) {
        this(settings, Map.of());
    }

    /**
     * @param overrides Streams configs replacing production ones: only where TopologyTestDriver needs it (say why)
     */
    public CommitDriver(TopologySettings settings, Map<String, Object> overrides) {
        StreamsSettings streams = StreamsSettings
                .builder("topology-test-driver:9092", "mock://unused", settings.tokenKey())
                .storeKind(StoreKind.IN_MEMORY)
                .build();
        Properties props = StreamsConfigs.of(streams, null);
        props.putAll(overrides);
        driver = new TopologyTestDriver(SceneTopology.build(settings, registry), props, Fixtures.T0);
        actions = input(Topics.SCENE_ACTIONS);
        control = input(Topics.SCENE_CONTROL);
        rawActions = driver.createInputTopic(Topics.SCENE_ACTIONS.name(), new ByteArraySerializer(),
                new ByteArraySerializer(), Fixtures.T0, Duration.ZERO);
        renderNodes = input(Topics.RENDER_NODES);
        events = output(Topics.SCENE_EVENTS);
        sceneState = output(Topics.SCENE_STATE);
        sessionState = output(Topics.SESSION_STATE);
        results = output(Topics.ACTION_RESULTS);
        sessions = output(Topics.SESSIONS);
        scenes = output(Topics.SCENES);
    }

    /** Sends an action keyed by its scene; returns its result. */
    public ActionResult send(SceneAction action) {
        actions.pipeInput(action.getSceneId().toString(), action);
        return lastResult();
    }

    /** Sends a command keyed by its scene; returns its result. */
    public ActionResult send(SceneControl command) {
        control.pipeInput(command.getSceneId().toString(), command);
        return lastResult();
    }

    /** Publishes a render node's heartbeat (keyed by its node id). */
    public void heartbeat(NodeStatus node) {
        renderNodes.pipeInput(node.getNodeId(), node);
    }

    /** The wall-clock time of the driver now. */
    public Instant now() {
        return Fixtures.T0.plus(elapsed);
    }

    /** Sends an action with another key than its scene id. */
    public void sendWithKey(String key, SceneAction action) {
        actions.pipeInput(key, action);
    }

    /** Sends raw bytes to scene-actions (poison pills). */
    public void sendRaw(byte[] key, byte[] value) {
        rawActions.pipeInput(key, value);
    }

    /** Moves the wall clock (punctuations run). */
    public void advance(Duration duration) {
        elapsed = elapsed.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    public InMemorySchemaRegistryClient registry() {
        return registry;
    }

    public List<TestRecord<String, SceneEvent>> events() {
        return events.readRecordsToList();
    }

    public List<TestRecord<String, EntityState>> sceneState() {
        return sceneState.readRecordsToList();
    }

    public List<TestRecord<String, EntityState>> sessionState() {
        return sessionState.readRecordsToList();
    }

    public List<TestRecord<String, ActionResult>> results() {
        return results.readRecordsToList();
    }

    public List<TestRecord<String, SessionRecord>> sessions() {
        return sessions.readRecordsToList();
    }

    public List<TestRecord<String, SceneRecord>> scenes() {
        return scenes.readRecordsToList();
    }

    /** The dead letters so far (the topic is known to the driver only once something was written to it). */
    public List<TestRecord<byte[], byte[]>> deadLetters() {
        // A record skipped at deserialisation ends no processing step, so the driver has not collected the dead
        // letter its handler sent; moving the clock by nothing makes it collect.
        driver.advanceWallClockTime(Duration.ZERO);
        if (!driver.producedTopicNames().contains(Topics.DEAD_LETTERS.name())) {
            return List.of();
        }
        if (deadLetters == null) {
            deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
        }
        return deadLetters.readRecordsToList();
    }

    /** Reads and forgets everything written so far, for tests that look only at what comes next. */
    public void drain() {
        events();
        sceneState();
        sessionState();
        results();
        sessions();
        scenes();
        deadLetters();
    }

    private ActionResult lastResult() {
        List<ActionResult> all = results.readValuesToList();
        if (all.isEmpty()) {
            throw new AssertionError("The pipeline wrote no action result");
        }
        return all.get(all.size() - 1);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde(registry).serializer(),
                topic.valueSerde(registry).serializer(), Fixtures.T0, Duration.ZERO);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
