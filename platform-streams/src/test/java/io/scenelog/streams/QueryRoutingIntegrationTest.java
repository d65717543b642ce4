package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.cameraOf;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.live;
import static io.scenelog.streams.testing.Fixtures.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionMode;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.RegistryClients;
import io.scenelog.streams.query.RemoteSceneStateQueries;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.RunningPlatform;
import io.scenelog.streams.testing.TopicClients;
import io.scenelog.testkit.UniqueNames;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one application split the scenes; each answers a query for any scene, reading its own
 * stores or asking the owner over HTTP, and so does a process outside the pipeline asking the instances' endpoints.
 * Twelve scenes per test, so both instances own some (all on one has a chance of 1 in 2048).
 */
class QueryRoutingIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int SCENES = 12;
    private static final int MOVES = 200;

    private static SchemaRegistryClient registry;
    private static PlatformStreams first;
    private static PlatformStreams second;
    private static KafkaProducer<String, SceneControl> control;
    private static KafkaProducer<String, SceneAction> actions;

    @BeforeAll
    static void startTwoInstances() {
        String applicationId = UniqueNames.transactionalId("routing-it");
        registry = RegistryClients.forUrl(RunningPlatform.registryUrl());
        first = PlatformStreams.start(RunningPlatform.settings(applicationId).build());
        second = PlatformStreams.start(RunningPlatform.settings(applicationId).build());
        control = TopicClients.producer(Topics.SCENE_CONTROL, registry);
        actions = TopicClients.producer(Topics.SCENE_ACTIONS, registry);
        Awaitility.await().atMost(DEADLINE).until(() -> first.state() == KafkaStreams.State.RUNNING
                && second.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        control.close();
        actions.close();
        second.close();
        first.close();
    }

    @Test
    void shouldAnswerEveryScenesQueryOnEveryInstance() {
        // given
        Map<UUID, UUID> entityOfScene = new HashMap<>();
        for (int i = 0; i < SCENES; i++) {
            UUID scene = UUID.randomUUID();
            UUID entity = UUID.randomUUID();
            entityOfScene.put(scene, entity);
            TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.toString(), live(createScene(scene)));
            TopicClients.send(actions, Topics.SCENE_ACTIONS.name(), scene.toString(),
                    live(action(scene, "alice", Role.EDITOR, create(entity, cube("e"))).build(), Role.EDITOR));
        }

        // when
        List<Optional<SceneSnapshot>> answers = new ArrayList<>();
        for (PlatformStreams instance : List.of(first, second)) {
            for (UUID scene : entityOfScene.keySet()) {
                answers.add(awaitAnswer(() -> instance.queries().scene(scene),
                        answer -> answer.isPresent() && answer.get().version() == 1));
            }
        }

        // then
        assertThat(answers).hasSize(24).allSatisfy(answer -> assertThat(answer.get().entities()).hasSize(1));
        assertThat(first.applicationServer()).isNotEqualTo(second.applicationServer());
        entityOfScene.forEach((scene, entity) -> {
            assertThat(first.queries().entity(scene, entity)).isPresent();
            assertThat(second.queries().entity(scene, entity)).isPresent();
            assertThat(second.queries().entity(scene, UUID.randomUUID())).isEmpty();
        });
    }

    @Test
    void shouldShowEachSessionItsOverlayOverThePersistedSceneOnEveryInstanceAndFromOutside() {
        // given: in each scene a crate and a lamp, and a viewer who moved the crate and made a camera in her session
        List<SessionScene> scenes = new ArrayList<>();
        for (int i = 0; i < SCENES; i++) {
            scenes.add(new SessionScene(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID()));
        }
        furnishWithAViewersOverlay(scenes);

        // when
        SceneStateQueries outside = RemoteSceneStateQueries.over(
                List.of(first.applicationServer().orElseThrow(), second.applicationServer().orElseThrow()), registry);
        for (SceneStateQueries queries : List.of(first.queries(), second.queries(), outside)) {
            for (SessionScene scene : scenes) {
                SessionSnapshot view = awaitAnswer(() -> queries.session(scene.id(), scene.session()),
                        answer -> answer.isPresent() && answer.get().version() == 2).orElseThrow();

                // then
                assertThat(view.sessionId()).isEqualTo(scene.session());
                assertThat(view.scene().entities()).extracting(EntityState::getEntityId)
                        .containsExactlyInAnyOrder(scene.crate(), scene.lamp());
                assertThat(view.overlay()).extracting(EntityState::getEntityId)
                        .containsExactlyInAnyOrder(scene.crate(), scene.camera());
                assertThat(view.overlay()).allSatisfy(e -> assertThat(e.getSessionId()).isEqualTo(scene.session()));
                List<EntityState> visible = view.visibleEntities();
                assertThat(visible).extracting(EntityState::getEntityId)
                        .containsExactlyInAnyOrder(scene.crate(), scene.lamp(), scene.camera());
                EntityState crate = visible.stream().filter(e -> e.getEntityId().equals(scene.crate())).findFirst()
                        .orElseThrow();
                assertThat(crate.getSessionId()).isEqualTo(scene.session());
                assertThat(crate.getComponents().getTransform().getPosition().getX()).isEqualTo(7.0);
                SceneSnapshot persisted = queries.scene(scene.id()).orElseThrow();
                assertThat(persisted.entities()).extracting(EntityState::getEntityId)
                        .containsExactlyInAnyOrder(scene.crate(), scene.lamp())
                        .doesNotContain(scene.camera());
                assertThat(queries.sceneVersion(scene.id())).contains(persisted.version()).contains(2L);
            }
        }
    }

    @Test
    void shouldNeverShowHalfOfATransientActionWhileTheSessionEdits() {
        // given
        SessionScene scene = new SessionScene(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        furnishWithAViewersOverlay(List.of(scene));
        List<SceneAction> moves = new ArrayList<>();
        for (int step = 1; step <= MOVES; step++) {
            moves.add(live(action(scene.id(), "vera", Role.VIEWER, move(scene.crate(), step, null),
                    move(scene.lamp(), step, null)).setSessionId(scene.session()).setPersist(false).build(),
                    Role.VIEWER));
        }
        long last = 2 + MOVES;

        // when: the viewer moves crate and lamp together, one action at a time, while both instances are asked
        moves.forEach(move -> actions.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(),
                scene.id().toString(), move)));
        actions.flush();
        List<String> torn = new ArrayList<>();
        for (PlatformStreams instance : List.of(first, second)) {
            awaitAnswer(() -> instance.queries().session(scene.id(), scene.session()), answer -> {
                answer.ifPresent(view -> torn.addAll(tornParts(view, scene)));
                return answer.isPresent() && answer.get().version() == last;
            });
        }

        // then: every answer held whole actions: both entities of the last one, at the answer's version
        assertThat(torn).isEmpty();
    }

    @Test
    void shouldNotShowASessionsOverlayThroughAnotherSceneOnTheSamePartition() {
        // given: two scenes whose records share a partition, and a session with an overlay in the first
        SessionScene owner = new SessionScene(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        UUID neighbour = sceneOnThePartitionOf(owner.id());
        furnishWithAViewersOverlay(List.of(owner));
        TopicClients.send(control, Topics.SCENE_CONTROL.name(), neighbour.toString(), live(createScene(neighbour)));
        awaitAnswer(() -> first.queries().session(owner.id(), owner.session()),
                answer -> answer.isPresent() && answer.get().version() == 2);
        awaitAnswer(() -> first.queries().sceneVersion(neighbour), Optional::isPresent);

        // when
        List<SessionSnapshot> views = List.of(first.queries().session(neighbour, owner.session()).orElseThrow(),
                second.queries().session(neighbour, owner.session()).orElseThrow());

        // then
        assertThat(views).allSatisfy(view -> {
            assertThat(view.overlay()).isEmpty();
            assertThat(view.visibleEntities()).isEmpty();
            assertThat(view.version()).isZero();
        });
        assertThat(second.queries().session(owner.id(), UUID.randomUUID()).orElseThrow().overlay()).isEmpty();
    }

    @Test
    void shouldAnswerEmptyForAnUnknownSceneOnEveryInstanceAndFromOutside() {
        // given: for any scene one instance reads its own stores and the other asks the owner
        SceneStateQueries outside = RemoteSceneStateQueries.over(
                List.of(first.applicationServer().orElseThrow(), second.applicationServer().orElseThrow()), registry);
        UUID unknown = UUID.randomUUID();

        // then
        for (SceneStateQueries queries : List.of(first.queries(), second.queries(), outside)) {
            assertThat(awaitAnswer(() -> queries.sceneVersion(unknown), answer -> true)).isEmpty();
            assertThat(awaitAnswer(() -> queries.session(unknown, UUID.randomUUID()), answer -> true)).isEmpty();
        }
    }

    @Test
    void shouldAnswerABadPeerRequestWithAClearError() throws Exception {
        // given
        String endpoint = "http://" + first.applicationServer().orElseThrow();

        // when
        HttpResponse<String> notAUuid = get(endpoint + "/scenes/not-a-uuid/version");
        HttpResponse<String> unknownPath = get(endpoint + "/scenes/" + UUID.randomUUID() + "/nonsense");

        // then
        assertThat(notAUuid.statusCode()).isEqualTo(400);
        assertThat(notAUuid.body()).contains("BAD_REQUEST").contains("not-a-uuid");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).contains("NOT_FOUND").contains("/sessions/");
    }

    @Test
    void shouldLetOnlyTheOwnerAnswerAPeerRequest() {
        // given
        UUID unknown = UUID.randomUUID();
        List<String> endpoints = List.of(first.applicationServer().orElseThrow(),
                second.applicationServer().orElseThrow());

        // when: both instances are asked for the version of one scene
        List<Integer> statuses = Awaitility.await().atMost(DEADLINE).until(() -> {
            List<Integer> answered = new ArrayList<>();
            for (String endpoint : endpoints) {
                answered.add(get("http://" + endpoint + "/scenes/" + unknown + "/version").statusCode());
            }
            return answered;
        }, answered -> answered.contains(404));

        // then: the owner says there is no such scene, the other that it cannot answer for it
        assertThat(statuses).containsExactlyInAnyOrder(404, 503);
    }

    /**
     * Creates each scene with a persisted crate and lamp (version 1), a session, and a viewer in it who moves the
     * crate within her session and adds her camera there (one transient action, version 2).
     */
    private static void furnishWithAViewersOverlay(List<SessionScene> scenes) {
        SceneCommands commands = new SceneCommands(Fixtures.ADMIN, Fixtures.liveToken(Fixtures.ADMIN, Role.ADMIN),
                Clock.systemUTC());
        Set<UUID> setUp = new HashSet<>();
        for (SessionScene scene : scenes) {
            for (SceneControl command : List.of(
                    commands.createScene(scene.id(), "scene " + scene.id(), Map.of()),
                    commands.requestSession(scene.id(), scene.session(), SessionMode.PERSISTENT),
                    commands.clientJoined(scene.id(), scene.session(), "vera", Role.VIEWER, false))) {
                TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.id().toString(), command);
                setUp.add(command.getCommandId());
            }
        }
        // Commands and actions arrive on two topics: the viewer's action must not overtake her join.
        awaitAccepted(setUp);
        Set<UUID> edits = new HashSet<>();
        for (SessionScene scene : scenes) {
            SceneAction furnish = live(action(scene.id(), "alice", Role.EDITOR,
                    create(scene.crate(), cube("crate")), create(scene.lamp(), cube("lamp"))).build(), Role.EDITOR);
            SceneAction own = live(action(scene.id(), "vera", Role.VIEWER, move(scene.crate(), 7, null),
                    create(scene.camera(), cameraOf("vera"))).setSessionId(scene.session()).setPersist(false)
                    .build(), Role.VIEWER);
            for (SceneAction edit : List.of(furnish, own)) {
                TopicClients.send(actions, Topics.SCENE_ACTIONS.name(), scene.id().toString(), edit);
                edits.add(edit.getActionId());
            }
        }
        awaitAccepted(edits);
    }

    private static void awaitAccepted(Set<UUID> ids) {
        try (KafkaConsumer<String, ActionResult> results = TopicClients.consumer(Topics.ACTION_RESULTS, registry)) {
            List<ConsumerRecord<String, ActionResult>> read = TopicClients.readUntil(results,
                    r -> ids.contains(r.value().getActionId()), all -> all.size() >= ids.size(), DEADLINE);
            assertThat(read).allSatisfy(r -> assertThat(r.value().getStatus())
                    .as("outcome of %s: %s", r.value().getActionId(), r.value().getMessage())
                    .isEqualTo(ActionStatus.ACCEPTED));
        }
    }

    /** What in a view of {@link #shouldNeverShowHalfOfATransientActionWhileTheSessionEdits} is not one version. */
    private static List<String> tornParts(SessionSnapshot view, SessionScene scene) {
        Map<UUID, EntityState> own = new HashMap<>();
        view.overlay().forEach(entity -> own.put(entity.getEntityId(), entity));
        EntityState crate = own.get(scene.crate());
        EntityState lamp = own.get(scene.lamp());
        List<String> torn = new ArrayList<>();
        if (view.version() > 2 && (crate == null || lamp == null || crate.getSceneVersion() != view.version()
                || lamp.getSceneVersion() != view.version())) {
            torn.add("at version " + view.version() + " the overlay holds " + view.overlay().stream()
                    .map(e -> e.getComponents().getName() + " of version " + e.getSceneVersion()).toList());
        }
        view.visibleEntities().stream().filter(e -> e.getSceneVersion() > view.version())
                .forEach(e -> torn.add("entity " + e.getEntityId() + " is from version " + e.getSceneVersion()
                        + ", after the answer's version " + view.version()));
        return torn;
    }

    private static UUID sceneOnThePartitionOf(UUID scene) {
        int partition = StateKeys.partitionOf(scene, Topics.SCENE_PARTITIONS);
        UUID candidate = UUID.randomUUID();
        while (StateKeys.partitionOf(candidate, Topics.SCENE_PARTITIONS) != partition) {
            candidate = UUID.randomUUID();
        }
        return candidate;
    }

    /** Asks until the answer satisfies the condition, retrying while the owner cannot answer (rebalancing). */
    private static <T> T awaitAnswer(Supplier<T> query, Predicate<T> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(1))
                .ignoreException(StateNotQueryableException.class)
                .until(query::get, done::test);
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A scene with a session and the entities of the test.
     *
     * @param id      the scene
     * @param session the session the viewer joins
     * @param crate   persisted, moved within the session
     * @param lamp    persisted, untouched
     * @param camera  the viewer's camera, in the session's overlay only
     */
    private record SessionScene(UUID id, UUID session, UUID crate, UUID lamp, UUID camera) {
    }
}
