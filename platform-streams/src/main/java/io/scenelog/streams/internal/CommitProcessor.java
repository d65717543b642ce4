package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.TopologySettings;
import io.scenelog.streams.action.ActionDecider;
import io.scenelog.streams.action.ActionOutcome;
import io.scenelog.streams.action.Rejection;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.control.ControlDecider;
import io.scenelog.streams.control.ControlOutcome;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin adapter between Kafka and the commit rules: reads a scene's state from the stores, asks
 * {@link ActionDecider} or {@link ControlDecider}, and applies what they decided. Both inputs arrive here, one
 * scene's records in one order, because scene-actions and scene-control are co-partitioned by scene.
 */
public final class CommitProcessor implements Processor<String, SpecificRecord, RoutedKey, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(CommitProcessor.class);
    /**
     * How often a task reads a slice of the actionIds stored before it started into its dedup filter: 5,000 ids
     * (a few ms) every 50 ms, 100,000 ids a second, a tenth or so of the stream thread until the filter is complete.
     */
    private static final Duration INDEX_INTERVAL = Duration.ofMillis(50);

    private final TopologySettings settings;
    private final SchemaRegistryClient registry;
    private final SceneLocks locks;
    private ProcessorContext<RoutedKey, byte[]> context;
    private TaskStores stores;
    private DedupLog dedup;
    private Outputs outputs;
    private ActionDecider actions;
    private ControlDecider controls;
    private ActionCommitter committer;
    private ControlApplier applier;
    private SessionPlacer placer;
    private Cancellable indexing;
    private final SceneRecordPublisher publisher = new SceneRecordPublisher();

    public CommitProcessor(TopologySettings settings, SchemaRegistryClient registry, SceneLocks locks) {
        this.settings = settings;
        this.registry = registry;
        this.locks = locks;
    }

    @Override
    public void init(ProcessorContext<RoutedKey, byte[]> processorContext) {
        context = processorContext;
        stores = TaskStores.from(context, registry);
        dedup = new DedupLog(stores.dedup(), Topics.ACTION_RESULTS.valueSerde(registry).deserializer());
        PreCommitStore.of(stores.dedup()).beforeCommit(dedup::beforeCommit);
        outputs = new Outputs(context, registry, settings.maxRecordBytes());
        TokenVerifier verifier = new TokenVerifier(settings.tokenKey(), new ContextClock(context));
        actions = new ActionDecider(verifier);
        controls = new ControlDecider(verifier);
        committer = new ActionCommitter(stores, dedup, outputs, locks, publisher);
        LiveSessions live = new LiveSessions(stores.sessions());
        applier = new ControlApplier(stores, outputs, locks, live);
        placer = new SessionPlacer(live, new RenderNodes(context.getStateStore(RenderNodes.STORE), registry), applier,
                settings.placement());
        context.schedule(settings.placement().interval(), PunctuationType.WALL_CLOCK_TIME,
                now -> placer.round(Instant.ofEpochMilli(now)));
        context.schedule(settings.sceneRecordInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> publisher.publish(stores.scenes(), outputs, now));
        if (!dedup.indexStoredIds()) {
            scheduleIdIndexing();
        }
        context.schedule(purgeInterval(settings.dedupHorizon()), PunctuationType.WALL_CLOCK_TIME, now -> {
            int purged = dedup.purge(now, settings.dedupHorizon());
            if (purged > 0) {
                LOG.debug("Task {} forgot {} outcomes older than {}.", context.taskId(), purged,
                        settings.dedupHorizon());
            }
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (value instanceof SceneAction action) {
            onAction(record.key(), action, now);
        } else if (value instanceof SceneControl command) {
            onControl(record.key(), command, now);
        } else {
            throw new UnprocessableRecordException("Record with key " + record.key() + " has no action or command"
                    + " (" + (value == null ? "null value" : value.getClass().getName()) + ")");
        }
        if (indexing == null && !dedup.storedIdsIndexed()) {
            // the dedup filter outgrew its size and starts again
            scheduleIdIndexing();
        }
    }

    /**
     * Reads the actionIds already stored into the dedup filter, a slice per punctuation. Scheduled only while there
     * is something to read: every punctuation makes its task commit.
     */
    private void scheduleIdIndexing() {
        indexing = context.schedule(INDEX_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (dedup.indexStoredIds()) {
                indexing.cancel();
                indexing = null;
            }
        });
    }

    private void onAction(String key, SceneAction action, Instant now) {
        Results.Sender sender = Results.Sender.of(action);
        Optional<Rejection> misrouted = misrouted(key, action.getSceneId());
        if (misrouted.isPresent()) {
            send(sender, Results.rejected(sender, misrouted.get(), now), now);
            return;
        }
        ActionOutcome outcome = actions.decide(new StoreSceneState(stores, dedup, action.getSceneId()), action, now);
        if (outcome instanceof ActionOutcome.Committed committed) {
            committer.commit(action, committed, now);
        } else if (outcome instanceof ActionOutcome.Rejected rejected) {
            ActionResult result = Results.rejected(sender, rejected.rejection(), now);
            boolean tokenAccepted = rejected.rejection().reason() != ReasonCode.UNAUTHORIZED;
            dedup.record(result, send(sender, result, now), tokenAccepted);
        } else {
            send(sender, Results.duplicate(sender, ((ActionOutcome.Duplicate) outcome).original(), now), now);
        }
    }

    private void onControl(String key, SceneControl command, Instant now) {
        Results.Sender sender = Results.Sender.of(command, ControlDecider.sessionOf(command.getCommand()));
        Optional<Rejection> misrouted = misrouted(key, command.getSceneId());
        if (misrouted.isPresent()) {
            send(sender, Results.rejected(sender, misrouted.get(), now), now);
            return;
        }
        StoreSceneState state = new StoreSceneState(stores, dedup, command.getSceneId());
        ControlOutcome outcome = controls.decide(state, command, now);
        if (outcome instanceof ControlOutcome.Applied applied) {
            applier.apply(command, applied.events(), now.toEpochMilli());
            placer.afterCommand(applied.events(), now);
            long version = state.scene().map(s -> s.getVersion()).orElse(0L);
            ActionResult result = Results.accepted(sender, version, now);
            dedup.record(result, send(sender, result, now), false);
        } else if (outcome instanceof ControlOutcome.Rejected rejected) {
            ActionResult result = Results.rejected(sender, rejected.rejection(), now);
            dedup.record(result, send(sender, result, now), false);
        } else {
            send(sender, Results.duplicate(sender, ((ControlOutcome.Duplicate) outcome).original(), now), now);
        }
    }

    /**
     * A record must be keyed by its scene and sit on its scene's partition, else its scene's state lives in another
     * task and deciding here would split the scene in two. Refused (INVALID) and never remembered: it is not this
     * task's to remember.
     */
    private Optional<Rejection> misrouted(String key, UUID sceneId) {
        if (!sceneId.toString().equals(key)) {
            return Optional.of(new Rejection(ReasonCode.INVALID,
                    "the record key must be the scene id " + sceneId + ", got " + key));
        }
        Optional<RecordMetadata> metadata = context.recordMetadata();
        if (settings.enforceScenePartitioning() && metadata.isPresent()) {
            int expected = StateKeys.partitionOf(sceneId, Topics.SCENE_PARTITIONS);
            if (metadata.get().partition() != expected) {
                return Optional.of(new Rejection(ReasonCode.INVALID, "scene " + sceneId + " belongs on partition "
                        + expected + " of " + metadata.get().topic() + ", the record was on partition "
                        + metadata.get().partition() + "; produce with Kafka's default partitioner"));
            }
        }
        return Optional.empty();
    }

    /** Sends a result; returns it as sent, which is how the dedup log keeps it. */
    private byte[] send(Results.Sender sender, ActionResult result, Instant now) {
        return outputs.send(Sink.ACTION_RESULTS, sender.sceneId().toString(), sender.resultKey(), result,
                now.toEpochMilli());
    }

    /** Purge often enough that little outlives the horizon, rarely enough to cost nothing: a tenth, 1 s to 1 min. */
    static Duration purgeInterval(Duration horizon) {
        Duration tenth = horizon.dividedBy(10);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(1);
        return tenth.compareTo(min) < 0 ? min : tenth.compareTo(max) > 0 ? max : tenth;
    }
}
