package io.scenelog.app.bench;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fan-out benchmark's own {@code read_committed} reader of {@code scene-events}, beside the bridge's: the moment
 * it sees the writer's event is the event's commit time, the reference of its deliveries ({@link Round#reference}).
 * It also follows the scene's version (the base of the next round), keeps the first writer event as the bare peer's
 * sample frame, and counts the writer's actions the pipeline rejected (their events never come).
 */
final class CommitWatch implements AutoCloseable {

    private final UUID sceneId;
    private final RoundSwitch rounds;
    private final Map<UUID, Boolean> expected = new ConcurrentHashMap<>();
    private final LongAdder committed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicReference<ActionResult> firstRejection = new AtomicReference<>();
    private final RecordWatch<SceneEvent> watch;
    private final RecordWatch<ActionResult> results;
    private volatile long lastVersion;
    private volatile SceneEvent sample;

    /** Starts reading at the current end of the log, before anything it must time is sent. */
    CommitWatch(String bootstrapServers, SchemaRegistryClient registry, UUID sceneId, RoundSwitch rounds) {
        this.sceneId = sceneId;
        this.rounds = rounds;
        this.watch = new RecordWatch<>(bootstrapServers, registry, Topics.SCENE_EVENTS, this::seen);
        try {
            this.results = new RecordWatch<>(bootstrapServers, registry, Topics.ACTION_RESULTS, this::answered);
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    /** Registers an action about to be sent: its event will be a measured one, timed or not. */
    void expect(UUID actionId, boolean timed) {
        expected.put(actionId, timed);
    }

    /** The scene's newest version this reader has seen (0 before any). */
    long lastVersion() {
        return lastVersion;
    }

    /** How many expected actions it has seen committed. */
    long committed() {
        return committed.sum();
    }

    /** How many expected actions the pipeline rejected. */
    long rejected() {
        return rejected.sum();
    }

    /** The first rejection of an expected action, if any. */
    Optional<ActionResult> firstRejection() {
        return Optional.ofNullable(firstRejection.get());
    }

    /** The first committed writer event, once there is one. */
    Optional<SceneEvent> sample() {
        return Optional.ofNullable(sample);
    }

    /** Throws what stopped the reader, if something did. */
    void rethrowFailure() {
        watch.rethrowFailure();
        results.rethrowFailure();
    }

    @Override
    public void close() {
        try {
            results.close();
        } finally {
            watch.close();
        }
    }

    private void answered(ActionResult result, long seenNanos) {
        if (result.getStatus() != ActionStatus.ACCEPTED && expected.remove(result.getActionId()) != null) {
            rejected.increment();
            firstRejection.compareAndSet(null, result);
        }
    }

    private void seen(SceneEvent event, long seenNanos) {
        if (!sceneId.equals(event.getSceneId())) {
            return;
        }
        lastVersion = Math.max(lastVersion, event.getVersion());
        Boolean timed = expected.remove(event.getActionId());
        if (timed != null) {
            rounds.current().reference(event.getVersion(), seenNanos, timed);
            committed.increment();
            if (sample == null) {
                sample = event;
            }
        }
    }
}
