package io.scenelog.app.streams;

import static io.scenelog.app.support.SampleEvents.at;
import static org.awaitility.Awaitility.await;

import io.scenelog.app.check.CommittedLogReader;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.support.SampleActions;
import io.scenelog.app.support.TestPlatform;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.streams.SceneCommands;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Drives actions into a few scenes (one per partition it can reach) at a steady rate from a scheduler, as a
 * simulation does, and remembers every action Kafka acknowledged: what the checker judges the platform against.
 */
final class ActionDriver implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(10);

    private final String clientId = "crash-driver-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<UUID> scenes = new ArrayList<>();
    private final Map<UUID, List<UUID>> entities = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, SceneAction>> acknowledged = new ConcurrentHashMap<>();
    private final KafkaProducer<String, SpecificRecord> producer;
    private final TokenIssuer issuer;
    private final String editorToken;
    private final AtomicLong clientSeq = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    ActionDriver(TokenKey key, int sceneCount) {
        this.issuer = new TokenIssuer(key, Clock.systemUTC());
        this.editorToken = issuer.issue(TokenClaims.of(clientId, Role.EDITOR), Duration.ofHours(1));
        this.producer = new KafkaProducer<>(ClientConfigs.idempotentProducer(TestPlatform.bootstrapServers(),
                clientId, 0), Topics.SCENE_ACTIONS.keySerde(TestPlatform.registry()).serializer(),
                new AvroSerializer<>(TestPlatform.registry(), false, false));
        Set<Integer> partitions = new HashSet<>();
        while (scenes.size() < sceneCount) {
            UUID scene = UUID.randomUUID();
            if (partitions.add(StateKeys.partitionOf(scene, Topics.SCENE_PARTITIONS))) {
                scenes.add(scene);
                acknowledged.put(scene, new ConcurrentHashMap<>());
            }
        }
    }

    List<UUID> scenes() {
        return scenes;
    }

    /** The actions of a scene Kafka acknowledged, by id. */
    Map<UUID, SceneAction> acknowledged(UUID scene) {
        return Map.copyOf(acknowledged.get(scene));
    }

    long acknowledgedCount() {
        return acknowledged.values().stream().mapToLong(Map::size).sum();
    }

    /** Creates the scenes (waiting for their acceptance, so no action races its scene) and their entities. */
    void createScenes(CommittedLogReader reader, int entitiesPerScene) {
        SceneCommands commands = new SceneCommands(clientId, issuer.issue(TokenClaims.of(clientId, Role.ADMIN),
                Duration.ofHours(1)), Clock.systemUTC());
        for (UUID scene : scenes) {
            producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), scene.toString(),
                    commands.createScene(scene, "crash test", Map.of())));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> scenes.stream()
                .allMatch(scene -> reader.results(scene, Duration.ofSeconds(10)).stream()
                        .anyMatch(r -> r.getStatus() == ActionStatus.ACCEPTED)));
        for (UUID scene : scenes) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < entitiesPerScene; i++) {
                UUID entity = UUID.randomUUID();
                ids.add(entity);
                send(SampleActions.create(scene, clientId, clientSeq.incrementAndGet(), entity, at(i, 0, 0),
                        editorToken));
            }
            entities.put(scene, List.copyOf(ids));
        }
        producer.flush();
    }

    /** Sends {@code total} moves at {@code perSecond}, spread over the scenes and entities, in the background. */
    void start(int perSecond, long total) {
        long perTick = Math.max(1, perSecond * TICK.toMillis() / 1000);
        scheduler.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && sent.get() < total; i++) {
                long n = sent.getAndIncrement();
                UUID scene = scenes.get((int) (n % scenes.size()));
                List<UUID> ids = entities.get(scene);
                send(SampleActions.move(scene, clientId, clientSeq.incrementAndGet(),
                        ids.get((int) ((n / scenes.size()) % ids.size())), at(n, 1, 0), editorToken));
            }
            if (sent.get() >= total) {
                producer.flush();
                scheduler.shutdown();
            }
        }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until every move was handed to Kafka and acknowledged. */
    void awaitSent(Duration timeout) throws InterruptedException {
        if (!scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The driver did not send everything within " + timeout);
        }
        producer.flush();
        if (failure.get() != null) {
            throw new AssertionError("Kafka refused an action", failure.get());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    private void send(SceneAction action) {
        producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action),
                (metadata, e) -> {
                    if (e == null) {
                        acknowledged.get(action.getSceneId()).put(action.getActionId(), action);
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
    }
}
