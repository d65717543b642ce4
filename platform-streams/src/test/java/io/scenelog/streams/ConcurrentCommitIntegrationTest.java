package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.cameraOf;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.delete;
import static io.scenelog.streams.testing.Fixtures.live;
import static io.scenelog.streams.testing.Fixtures.move;
import static io.scenelog.streams.testing.Fixtures.reparent;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.RegistryClients;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.ReferenceScene;
import io.scenelog.streams.testing.RunningPlatform;
import io.scenelog.streams.testing.TopicClients;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Editors, a viewer and a simulation write one scene at once from their own producers; afterwards the commit log
 * has no gaps and no duplicates, and the committed state (topic and query API) equals a naive model that replays
 * the accepted actions in commit order.
 */
class ConcurrentCommitIntegrationTest {

    private static final int ACTIONS_PER_CLIENT = 100;
    private static final int REPLAYS_PER_EDITOR = 5;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final List<UUID> pool = new ArrayList<>();
    private final Map<UUID, SceneAction> sent = new ConcurrentHashMap<>();
    private final SchemaRegistryClient registry = RegistryClients.forUrl(RunningPlatform.registryUrl());

    @Test
    void shouldCommitAConcurrentMixOfEditorsViewersAndASimulationConsistently() throws Exception {
        // given
        PlatformStreams platform = RunningPlatform.platform();
        for (int i = 0; i < 16; i++) {
            pool.add(UUID.randomUUID());
        }
        int commands = setUpSceneAndSession();

        // when
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sends = List.of(
                clients.submit(() -> editor("ed-1", 1)),
                clients.submit(() -> editor("ed-2", 2)),
                clients.submit(() -> viewer("viewer-1", 3)),
                clients.submit(() -> simulation("sim-1", 4)));
        int total = 0;
        for (Future<Integer> send : sends) {
            total += send.get();
        }
        clients.shutdown();

        // then: every send has its result; replays are duplicates of their first outcome
        List<ActionResult> results = awaitResults(total, commands);
        Map<UUID, List<ActionResult>> byAction = results.stream()
                .collect(Collectors.groupingBy(ActionResult::getActionId));
        assertThat(byAction.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
        byAction.values().forEach(outcomes -> {
            assertThat(outcomes.get(0).getReason()).isNotEqualTo(ReasonCode.DUPLICATE);
            outcomes.subList(1, outcomes.size()).forEach(replay ->
                    assertThat(replay.getReason()).isEqualTo(ReasonCode.DUPLICATE));
        });
        Map<UUID, ActionResult> first = new HashMap<>();
        byAction.forEach((id, outcomes) -> first.put(id, outcomes.get(0)));
        List<ActionResult> accepted = first.values().stream()
                .filter(r -> r.getStatus() == ActionStatus.ACCEPTED)
                .sorted(Comparator.comparing(ActionResult::getSceneVersion)).toList();
        assertThat(first.values()).extracting(ActionResult::getReason)
                .contains(ReasonCode.FORBIDDEN_PERSIST, ReasonCode.ENTITY_EXISTS);

        // then: the commit log numbers the accepted actions 1..n, once each, in the order of their results
        List<SceneEvent> events = awaitEvents(accepted.size());
        assertThat(events).extracting(SceneEvent::getVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, accepted.size()).boxed()
                        .toList());
        assertThat(events).extracting(SceneEvent::getActionId)
                .containsExactlyElementsOf(accepted.stream().map(ActionResult::getActionId).toList());

        // then: the persisted state equals the naive model of the accepted persisted actions
        ReferenceScene model = new ReferenceScene();
        for (SceneEvent event : events) {
            if (event.getPersisted()) {
                model.apply(sent.get(event.getActionId()));
            }
        }
        assertThat(summary(sceneStateTopic())).isEqualTo(summary(model));
        SceneSnapshot snapshot = platform.queries().scene(scene).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(accepted.size());
        assertThat(summary(snapshot.entities())).isEqualTo(summary(model));
    }

    private int setUpSceneAndSession() {
        List<SceneControl> commands = List.of(
                Fixtures.createScene(scene),
                Fixtures.requestSession(scene, session, SessionMode.PERSISTENT),
                Fixtures.join(scene, session, "ed-1", Role.EDITOR),
                Fixtures.join(scene, session, "ed-2", Role.EDITOR),
                Fixtures.join(scene, session, "viewer-1", Role.VIEWER));
        try (KafkaProducer<String, SceneControl> control = TopicClients.producer(Topics.SCENE_CONTROL, registry)) {
            for (SceneControl command : commands) {
                TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.toString(), live(command));
            }
        }
        return commands.size();
    }

    private int editor(String client, long seed) {
        Random random = new Random(seed);
        List<SceneAction> mine = new ArrayList<>();
        for (int seq = 1; seq <= ACTIONS_PER_CLIENT; seq++) {
            UUID target = pool.get(random.nextInt(pool.size()));
            Object operation = switch (random.nextInt(10)) {
                case 0, 1, 2 -> create(target, cube(client + "-" + seq));
                case 3, 4, 5 -> move(target, seq, random.nextBoolean() ? null : (long) (1 + random.nextInt(3)));
                case 6 -> new RemoveComponents(target, List.of(ComponentKind.NAME), null);
                case 7, 8 -> reparent(target, random.nextBoolean() ? null : pool.get(random.nextInt(pool.size())));
                default -> delete(target);
            };
            mine.add(action(client, Role.EDITOR, seq, true, operation));
        }
        Collections.shuffle(new ArrayList<>(mine), random);
        List<SceneAction> replays = mine.subList(0, REPLAYS_PER_EDITOR);
        List<SceneAction> all = new ArrayList<>(mine);
        all.addAll(replays);
        return sendAll(all);
    }

    private int viewer(String client, long seed) {
        Random random = new Random(seed);
        UUID camera = UUID.randomUUID();
        List<SceneAction> all = new ArrayList<>();
        all.add(action(client, Role.VIEWER, 1, false, create(camera, cameraOf(client))));
        for (int seq = 2; seq <= ACTIONS_PER_CLIENT; seq++) {
            boolean tryToPersist = random.nextInt(10) < 3;
            all.add(action(client, Role.VIEWER, seq, !tryToPersist, move(camera, seq, null)));
        }
        return sendAll(all);
    }

    private int simulation(String client, long seed) {
        Random random = new Random(seed);
        List<UUID> robots = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<SceneAction> all = new ArrayList<>();
        int seq = 1;
        for (UUID robot : robots) {
            all.add(simulationAction(client, seq++, create(robot, cube("robot"))));
        }
        while (seq <= ACTIONS_PER_CLIENT) {
            all.add(simulationAction(client, seq, move(robots.get(random.nextInt(robots.size())), seq, null)));
            seq++;
        }
        return sendAll(all);
    }

    private SceneAction action(String client, Role role, long seq, boolean inOverlay, Object operation) {
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(scene).setSessionId(session)
                .setClientId(client).setToken(Fixtures.liveToken(client, role)).setClientSeq(seq)
                .setSentAt(Fixtures.T0).setPersist(!inOverlay)
                .setOperations(List.of(operation)).build();
    }

    private SceneAction simulationAction(String client, long seq, Object operation) {
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(scene).setSessionId(null)
                .setClientId(client).setToken(Fixtures.liveToken(client, Role.EDITOR)).setClientSeq(seq)
                .setSentAt(Fixtures.T0).setPersist(true).setOperations(List.of(operation)).build();
    }

    private int sendAll(List<SceneAction> actions) {
        try (KafkaProducer<String, SceneAction> producer = TopicClients.producer(Topics.SCENE_ACTIONS, registry)) {
            for (SceneAction action : actions) {
                sent.put(action.getActionId(), action);
                producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), scene.toString(), action));
            }
            producer.flush();
        }
        return actions.size();
    }

    private List<ActionResult> awaitResults(int actions, int commands) {
        try (KafkaConsumer<String, ActionResult> consumer = TopicClients.consumer(Topics.ACTION_RESULTS, registry)) {
            List<ConsumerRecord<String, ActionResult>> read = TopicClients.readUntil(consumer,
                    r -> r.value().getSceneId().equals(scene), all -> all.size() >= actions + commands, DEADLINE);
            return read.stream().map(ConsumerRecord::value).filter(r -> sent.containsKey(r.getActionId()))
                    .sorted(Comparator.comparing(ActionResult::getDecidedAt)).toList();
        }
    }

    private List<SceneEvent> awaitEvents(int count) {
        try (KafkaConsumer<String, SceneEvent> consumer = TopicClients.consumer(Topics.SCENE_EVENTS, registry)) {
            return TopicClients.readUntil(consumer, r -> r.value().getSceneId().equals(scene),
                    all -> all.size() >= count, DEADLINE).stream().map(ConsumerRecord::value).toList();
        }
    }

    private List<EntityState> sceneStateTopic() {
        Map<String, EntityState> latest = new HashMap<>();
        for (ConsumerRecord<String, EntityState> record
                : TopicClients.readAll(Topics.SCENE_STATE, registry, DEADLINE)) {
            if (record.key().startsWith(StateKeys.prefix(scene))) {
                latest.put(record.key(), record.value());
            }
        }
        return latest.values().stream().filter(Objects::nonNull).toList();
    }

    private static Map<UUID, String> summary(List<EntityState> entities) {
        Map<UUID, String> summary = new TreeMap<>();
        entities.forEach(e -> summary.put(e.getEntityId(), e.getVersion() + " " + e.getComponents()));
        return summary;
    }

    private static Map<UUID, String> summary(ReferenceScene model) {
        Map<UUID, String> summary = new TreeMap<>();
        model.entities().forEach((id, e) -> summary.put(id, e.version() + " " + e.components()));
        return summary;
    }
}
