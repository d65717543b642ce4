package io.scenelog.renderer.scene.internal;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.renderer.scene.ReplicaSnapshot;
import io.scenelog.renderer.scene.ReplicaStatus;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.topics.Topic;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's own thread: bootstraps from the state query, then follows the scene's partition of
 * {@code scene-events} (and, for what changes without an event, of {@code session-state}, {@code sessions} and
 * {@code scenes}) with one {@code read_committed} consumer, publishing an immutable snapshot after each batch.
 *
 * <p>Where to start reading: the end offsets of {@code scene-events} and {@code session-state} are taken
 * <em>before</em> the state query. Every event committed before that moment was processed by the pipeline before
 * the query read its stores, so the snapshot's version V covers it; event V + 1 was not yet processed when the query
 * ran, so it lies at or after those offsets. Reading from there and skipping versions up to V loses nothing and needs
 * no backwards search.
 */
public final class ReplicaFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 2_000;

    private final UUID sceneId;
    private final UUID sessionId;
    private final SceneStateQueries queries;
    private final Consumer<ReplicaSnapshot> publish;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<SceneEvent> events;
    private final Deserializer<EntityState> entities;
    private final Deserializer<SessionRecord> sessions;
    private final Deserializer<SceneRecord> scenes;
    private final TopicPartition eventPartition;
    private final TopicPartition overlayPartition;
    private final TopicPartition sessionPartition;
    private final TopicPartition scenePartition;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private ReplicaState state;
    private SessionRecord session;
    private int bootstraps;

    /**
     * @param config   consumer settings (bootstrap servers and the like); made group-less and {@code read_committed}
     * @param registry the schema registry the pipeline writes with
     * @param publish  gets every new snapshot, on the follower's thread
     */
    public ReplicaFollower(UUID sceneId, UUID sessionId, Map<String, Object> config, SchemaRegistryClient registry,
            SceneStateQueries queries, Consumer<ReplicaSnapshot> publish) {
        this.sceneId = sceneId;
        this.sessionId = sessionId;
        this.queries = queries;
        this.publish = publish;
        this.consumer = new KafkaConsumer<>(TopicView.readCommittedFollower(config, "scenelog-replica-" + sceneId),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.events = Topics.SCENE_EVENTS.valueSerde(registry).deserializer();
        this.entities = Topics.SESSION_STATE.valueSerde(registry).deserializer();
        this.sessions = Topics.SESSIONS.valueSerde(registry).deserializer();
        this.scenes = Topics.SCENES.valueSerde(registry).deserializer();
        this.eventPartition = partitionOf(Topics.SCENE_EVENTS);
        this.overlayPartition = partitionOf(Topics.SESSION_STATE);
        this.sessionPartition = partitionOf(Topics.SESSIONS);
        this.scenePartition = partitionOf(Topics.SCENES);
        this.thread = new Thread(this::run, "scenelog-replica-" + sceneId);
        this.thread.setDaemon(true);
    }

    /** Starts bootstrapping and following on the follower's thread. */
    public void start() {
        thread.start();
    }

    /** How often the replica bootstrapped (1 after the first; more after gaps). */
    public synchronized int bootstraps() {
        return bootstraps;
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.assign(List.of(eventPartition, overlayPartition, sessionPartition, scenePartition));
            // Both compacted and small: read whole, so the replica knows the session's clients and the scene's end.
            consumer.seekToBeginning(List.of(sessionPartition, scenePartition));
            ReplicaStatus status = bootstrap();
            while (running && !status.isFinal()) {
                status = handle(consumer.poll(POLL));
            }
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private ReplicaStatus bootstrap() throws InterruptedException {
        Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(eventPartition, overlayPartition));
        Optional<SessionSnapshot> snapshot = query();
        if (!running) {
            return ReplicaStatus.FAILED;
        }
        if (snapshot.isEmpty()) {
            LOG.warn("Scene {} does not exist or was deleted; the replica of session {} stops.", sceneId, sessionId);
            return finish(ReplicaStatus.SCENE_DELETED);
        }
        state = ReplicaState.of(snapshot.get());
        consumer.seek(eventPartition, ends.get(eventPartition));
        consumer.seek(overlayPartition, ends.get(overlayPartition));
        synchronized (this) {
            bootstraps++;
        }
        LOG.info("The replica of scene {} for session {} bootstrapped at version {} with {} entities.", sceneId,
                sessionId, state.version(), state.visible().size());
        publish(ReplicaStatus.FOLLOWING);
        return ReplicaStatus.FOLLOWING;
    }

    /** The session's snapshot, asking again while the owner cannot answer (rebalancing, restoring). */
    private Optional<SessionSnapshot> query() throws InterruptedException {
        long waitMillis = FIRST_RETRY_MILLIS;
        while (running) {
            try {
                return queries.session(sceneId, sessionId);
            } catch (StateNotQueryableException e) {
                LOG.info("Scene {} cannot be queried yet ({}); asking again in {} ms.", sceneId, e.getMessage(),
                        waitMillis);
                if (stopped.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
                waitMillis = Math.min(waitMillis * 2, LAST_RETRY_MILLIS);
            }
        }
        return Optional.empty();
    }

    private ReplicaStatus handle(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> record : records.records(scenePartition)) {
            SceneRecord scene = decode(scenes, record);
            if (scene != null && scene.getSceneId().equals(sceneId)) {
                if (scene.getStatus() != SceneStatus.ACTIVE) {
                    LOG.info("Scene {} was deleted; the replica of session {} stops.", sceneId, sessionId);
                    return finish(ReplicaStatus.SCENE_DELETED);
                }
                state.sceneRecord(scene);
                changed = true;
            }
        }
        for (ConsumerRecord<String, byte[]> record : records.records(sessionPartition)) {
            SessionRecord value = decode(sessions, record);
            if (value != null && value.getSessionId().equals(sessionId)) {
                session = value;
                changed = true;
                if (value.getStatus() == SessionStatus.ENDED) {
                    LOG.info("Session {} of scene {} ended ({}); its replica stops.", sessionId, sceneId,
                            value.getEndReason());
                    return finish(ReplicaStatus.SESSION_ENDED);
                }
            }
        }
        String ownPrefix = StateKeys.prefix(sessionId);
        for (ConsumerRecord<String, byte[]> record : records.records(overlayPartition)) {
            if (record.key() != null && record.key().startsWith(ownPrefix)) {
                UUID entityId = StateKeys.parse(record.key()).entityId();
                state.overlayRecord(entityId, record.value() == null ? null : decode(entities, record));
                changed = true;
            }
        }
        for (ConsumerRecord<String, byte[]> record : records.records(eventPartition)) {
            SceneEvent event = decode(events, record);
            if (event == null || !event.getSceneId().equals(sceneId)) {
                continue;
            }
            ReplicaState.Outcome outcome = state.apply(event);
            if (outcome == ReplicaState.Outcome.GAP || outcome == ReplicaState.Outcome.INCONSISTENT) {
                LOG.warn("The replica of scene {} for session {} bootstraps again: {}.", sceneId, sessionId,
                        state.lastProblem());
                // The rest of this batch lies before the new start offsets: bootstrap re-seeks past it.
                return bootstrap();
            }
            changed |= outcome == ReplicaState.Outcome.APPLIED;
        }
        if (changed) {
            publish(ReplicaStatus.FOLLOWING);
        }
        return ReplicaStatus.FOLLOWING;
    }

    /** The record's value, or null (logged) when it cannot be read: a missed event shows up as a gap later. */
    private <V> V decode(Deserializer<V> deserializer, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("The replica of scene {} skips an unreadable record at {}-{}@{}: {}", sceneId, record.topic(),
                    record.partition(), record.offset(), e.toString());
            return null;
        }
    }

    private ReplicaStatus finish(ReplicaStatus status) {
        publish(status);
        return status;
    }

    private void publish(ReplicaStatus status) {
        if (state == null) {
            publish.accept(ReplicaSnapshot.starting(sceneId).withStatus(status));
            return;
        }
        publish.accept(new ReplicaSnapshot(sceneId, status, state.version(), Optional.of(state.scene()),
                Optional.ofNullable(session), state.visible()));
    }

    private void fail(RuntimeException e) {
        LOG.error("The replica of scene {} for session {} stopped following.", sceneId, sessionId, e);
        publish(ReplicaStatus.FAILED);
    }

    private TopicPartition partitionOf(Topic<?, ?> topic) {
        return new TopicPartition(topic.name(), StateKeys.partitionOf(sceneId, topic.spec().partitions()));
    }
}
