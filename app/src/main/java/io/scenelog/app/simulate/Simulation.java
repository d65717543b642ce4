package io.scenelog.app.simulate;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.SceneCommands;
import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.schemas.wire.TopicNameStrategy;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A simulation system writing straight to Kafka, as an external one does with only the public schemas, the
 * registry and an idempotent producer: it creates its bodies, then sends one transform update per body at the
 * configured rate, paced by a scheduler (updates due by the clock are sent at each tick, so a late tick catches
 * up instead of drifting), and counts its results. Progress goes to {@code out} once a second.
 */
public final class Simulation {

    /** Operations per creation action: large enough to be quick, small enough for a comfortable record size. */
    private static final int CREATES_PER_ACTION = 100;
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
    /** A few milliseconds of batching: thousands of small actions per second travel in few requests. */
    private static final int LINGER_MS = 5;

    private final SimulationSettings settings;
    private final ProgressLine progress;
    private final List<UUID> entities = new ArrayList<>();
    private final Map<UUID, Transform> last = new ConcurrentHashMap<>();
    private final AtomicLong clientSeq = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean signalled;

    /** A simulation that reports to {@code out}. */
    public Simulation(SimulationSettings settings, PrintWriter out) {
        this.settings = settings;
        this.progress = new ProgressLine(out);
        for (int i = 0; i < settings.entities(); i++) {
            entities.add(UUID.randomUUID());
        }
    }

    /** Ends the run early (Ctrl-C); {@link #run()} then prints its final line and returns. */
    public void stop() {
        signalled = true;
        stopped.countDown();
    }

    /** Runs to the end (or {@link #stop()}), then waits up to the drain timeout for the last results. */
    public SimulationReport run() throws InterruptedException {
        SchemaRegistryClient registry = ClientConfigs.registry(settings.registryUrl());
        String token = settings.tokens().token(settings.clientId(), Role.EDITOR, settings.sceneId(),
                settings.tokenLifetime());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scenelog-simulate");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaProducer<String, SpecificRecord> producer = producer(registry);
                ResultTracker results = new ResultTracker(settings.bootstrapServers(), registry,
                        settings.clientId())) {
            requireSchemas(registry);
            results.start(CONTROL_TIMEOUT);
            if (settings.createScene()) {
                createScene(producer, results);
            }
            Instant start = Instant.now();
            Pacer pacer = new Pacer(start, settings.totalUpdates(), settings.entities(), settings.rateHz(),
                    (index, seconds) -> send(producer, move(index, seconds, token)));
            createEntities(producer, token);
            scheduler.scheduleAtFixedRate(() -> progress.print(report(results, start, false)), 1, 1,
                    TimeUnit.SECONDS);
            scheduler.scheduleAtFixedRate(() -> tick(pacer), 0, Pacer.tickMicros(settings.rateHz()),
                    TimeUnit.MICROSECONDS);
            stopped.await();
            scheduler.shutdownNow();
            producer.flush();
            if (fatal.get() != null) {
                progress.printFinal(report(results, start, false), fatal.get());
                throw new IllegalStateException("The simulation stopped: " + fatal.get().getMessage(), fatal.get());
            }
            drain(results);
            results.rethrowFailure();
            SimulationReport report = report(results, start, signalled);
            progress.printFinal(report, firstFailure.get());
            return report;
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * One scheduler tick. A task that throws is silently cancelled by the scheduler, so a failure to send (the
     * producer closed, a record it cannot serialize) is kept and ends the run instead.
     */
    private void tick(Pacer pacer) {
        try {
            if (pacer.tick() >= settings.totalUpdates()) {
                stopped.countDown();
            }
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
            stopped.countDown();
        }
    }

    private KafkaProducer<String, SpecificRecord> producer(SchemaRegistryClient registry) {
        // One producer for scene-actions and scene-control (both keyed by sceneId): the wire-format serializer
        // finds each record's subject from the topic it is sent to. It only looks schemas up, as an external
        // writer does: the platform publishes them (ContractSchemas).
        return new KafkaProducer<>(ClientConfigs.idempotentProducer(settings.bootstrapServers(),
                settings.clientId(), LINGER_MS), Topics.SCENE_ACTIONS.keySerde(registry).serializer(),
                new AvroSerializer<>(registry, false, false));
    }

    /** Fails fast, before anything is sent, when the platform has not published the schemas we write with. */
    private static void requireSchemas(SchemaRegistryClient registry) {
        requireSchema(registry, Topics.SCENE_ACTIONS.name(), SceneAction.getClassSchema());
        requireSchema(registry, Topics.SCENE_CONTROL.name(), SceneControl.getClassSchema());
    }

    private static void requireSchema(SchemaRegistryClient registry, String topic, Schema schema) {
        String subject = TopicNameStrategy.subject(topic, false);
        try {
            registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new IllegalStateException("The schema registry at " + registry.location() + " does not hold our "
                    + schema.getName() + " schema under " + subject + " (" + e.getMessage() + "): start "
                    + "platform-streams (scenelog up / scenelog streams), which publishes it", e);
        }
    }

    /** Sends a CreateScene command and waits for its result; a refusal ends the run with the reason. */
    private void createScene(KafkaProducer<String, SpecificRecord> producer, ResultTracker results) {
        String adminToken = settings.tokens().token(settings.clientId(), Role.ADMIN, settings.sceneId(),
                CONTROL_TIMEOUT.plusMinutes(5));
        SceneControl command = new SceneCommands(settings.clientId(), adminToken, Clock.systemUTC())
                .createScene(settings.sceneId(), "simulation " + settings.clientId(), Map.of());
        UUID commandId = command.getCommandId();
        CompletableFuture<ActionResult> answer = results.await(commandId);
        producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), settings.sceneId().toString(), command));
        producer.flush();
        ActionResult result;
        try {
            result = answer.get(CONTROL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer to CreateScene for scene " + settings.sceneId() + " within "
                    + CONTROL_TIMEOUT + ": is platform-streams running?", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the answer to CreateScene: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating scene " + settings.sceneId(), e);
        }
        if (result.getStatus() != ActionStatus.ACCEPTED) {
            throw new IllegalStateException("Scene " + settings.sceneId() + " was not created: "
                    + result.getReason() + " " + result.getMessage());
        }
    }

    private void createEntities(KafkaProducer<String, SpecificRecord> producer, String token) {
        List<Object> operations = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Transform transform = Motion.at(i, entities.size(), 0);
            last.put(entities.get(i), transform);
            operations.add(CreateEntity.newBuilder().setEntityId(entities.get(i))
                    .setComponents(Components.newBuilder().setName("body-" + i).setTransform(transform)
                            .setMesh(MeshRef.newBuilder().setAsset(null).setPrimitive(PrimitiveShape.SPHERE).build())
                            .build())
                    .build());
            if (operations.size() == CREATES_PER_ACTION || i == entities.size() - 1) {
                send(producer, action(List.copyOf(operations), token));
                operations.clear();
            }
        }
    }

    private SceneAction move(long index, double seconds, String token) {
        int entity = (int) (index % entities.size());
        Transform transform = Motion.at(entity, entities.size(), seconds);
        last.put(entities.get(entity), transform);
        return action(List.of(UpdateComponents.newBuilder().setEntityId(entities.get(entity))
                .setComponents(Components.newBuilder().setTransform(transform).build())
                .setExpectedVersion(null).build()), token);
    }

    private SceneAction action(List<Object> operations, String token) {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(settings.sceneId())
                .setSessionId(null)
                .setClientId(settings.clientId())
                .setToken(token)
                .setClientSeq(clientSeq.incrementAndGet())
                .setSentAt(Instant.now())
                .setPersist(true)
                .setOperations(operations)
                .build();
    }

    private void send(KafkaProducer<String, SpecificRecord> producer, SceneAction action) {
        producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action),
                (metadata, e) -> {
                    if (e == null) {
                        sent.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
    }

    private void drain(ResultTracker results) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        while (!signalled && sent.get() > results.accepted() + results.rejected()
                && Instant.now().isBefore(deadline)) {
            // Results arrive on the tracker's thread; checking ten times a second is plenty for a console tool.
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private SimulationReport report(ResultTracker results, Instant start, boolean signalled) {
        return new SimulationReport(settings.sceneId(), settings.clientId(), entities, last, sent.get(),
                failed.get(), results.accepted(), results.rejected(), results.reasons(),
                Duration.between(start, Instant.now()), signalled);
    }
}
