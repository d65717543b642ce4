package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Actions from clients to Kafka, results back, committed events out to every client that may see them. */
class ActionsIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldShowAnEditByOneClientToTheOtherWithItsVersion() {
        // given
        Session session = Session.create("two-clients", "persistent");
        RestCalls.Joined editor = session.join("editor");
        RestCalls.Joined viewer = session.join("viewer");
        try (RawLivelink editing = connect(); RawLivelink watching = connect()) {
            editing.join(editor.token());
            Welcome watcherWelcome = watching.join(viewer.token());

            // when
            SceneAction create = Actions.of(editor).create(UUID.randomUUID(), "a cube", true);
            editing.send(create);

            // then
            ActionResult result = editing.awaitFirst(ActionResult.class,
                    r -> r.getActionId().equals(create.getActionId()));
            assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
            SceneEvent seen = watching.awaitFirst(SceneEvent.class,
                    e -> e.getActionId().equals(create.getActionId()));
            assertThat(seen.getVersion()).isEqualTo(result.getSceneVersion())
                    .isGreaterThan(watcherWelcome.getStartVersion());
            assertThat(seen.getPersisted()).isTrue();
            assertThat(seen.getEmitter().getClientId()).isEqualTo(editor.clientId());
            assertThat(editing.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(create.getActionId()))
                    .getVersion()).isEqualTo(seen.getVersion());
        }
    }

    @Test
    void shouldNotShowAClientTheResultsOfActionsThePlatformSentOnItsBehalf() {
        // given: a renderer saving the client's camera numbers its actions below zero
        Session session = Session.create("on-behalf", "persistent");
        RestCalls.Joined editor = session.join("editor");
        try (RawLivelink client = connect()) {
            client.join(editor.token());
            SceneAction onBehalf = Actions.of(editor).create(UUID.randomUUID(), "placed for the client", false);
            onBehalf.setClientSeq(Long.MIN_VALUE + 17);
            onBehalf.setToken(editor.token());

            // when: that action is committed, then the client sends one of its own
            platform.act(onBehalf);
            SceneAction own = Actions.of(editor).create(UUID.randomUUID(), "the client's own", true);
            client.send(own);

            // then: the client gets its own result and the event of the other action, never the other's result
            client.awaitFirst(ActionResult.class, r -> r.getActionId().equals(own.getActionId()));
            client.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(onBehalf.getActionId()));
            assertThat(client.all(ActionResult.class)).extracting(ActionResult::getActionId)
                    .doesNotContain(onBehalf.getActionId());
        }
    }

    @Test
    void shouldStampTheConnectionsTokenIntoTheProducedAction() {
        // given
        Session session = Session.create("stamped", "persistent");
        RestCalls.Joined editor = session.join("editor");
        try (RawLivelink client = connect()) {
            client.join(editor.token());

            // when: the client leaves the token empty, as the protocol says
            SceneAction create = Actions.of(editor).create(UUID.randomUUID(), "stamped", true);
            client.send(create);
            client.awaitFirst(ActionResult.class, r -> r.getActionId().equals(create.getActionId()));

            // then
            List<SceneAction> produced = platform.actionsUntil(session.sceneId(), create.getActionId());
            assertThat(produced.get(produced.size() - 1).getToken()).isEqualTo(editor.token());
        }
    }

    @Test
    void shouldRejectAViewersPersistedEditAndChangeNothing() {
        // given
        Session session = Session.create("viewer-persist", "persistent");
        RestCalls.Joined viewer = session.join("viewer");
        try (RawLivelink client = connect()) {
            client.join(viewer.token());
            UUID entityId = UUID.randomUUID();

            // when
            SceneAction persist = Actions.of(viewer).create(entityId, "not allowed", true);
            client.send(persist);

            // then
            ActionResult result = client.awaitFirst(ActionResult.class,
                    r -> r.getActionId().equals(persist.getActionId()));
            assertThat(result.getStatus()).isEqualTo(ActionStatus.REJECTED);
            assertThat(result.getReason()).isEqualTo(ReasonCode.FORBIDDEN_PERSIST);
            client.send(Query.newBuilder().setQueryId(7).setQuery(new EntityStateQuery(List.of(entityId))).build());
            QueryResult answer = client.awaitFirst(QueryResult.class, q -> q.getQueryId() == 7);
            assertThat(answer.getStatus()).isEqualTo(QueryStatus.OK);
            assertThat(answer.getEntities()).isEmpty();
            assertThat(client.events()).noneMatch(e -> e.getActionId().equals(persist.getActionId()));
        }
    }

    @Test
    void shouldRejectAnActionForAnotherClientWithoutProducingIt() {
        // given
        Session session = Session.create("wrong-ids", "persistent");
        RestCalls.Joined editor = session.join("editor");
        try (RawLivelink client = connect()) {
            client.join(editor.token());

            // when: an action that names another client
            SceneAction impostor = new Actions(session.sceneId(), session.sessionId(), "someone-else")
                    .create(UUID.randomUUID(), "impostor", true);
            client.send(impostor);

            // then
            ActionResult result = client.awaitFirst(ActionResult.class,
                    r -> r.getActionId().equals(impostor.getActionId()));
            assertThat(result.getStatus()).isEqualTo(ActionStatus.REJECTED);
            assertThat(result.getReason()).isEqualTo(ReasonCode.UNAUTHORIZED);
            assertThat(result.getDecidedAt()).isNotNull();
            SceneAction marker = Actions.of(editor).create(UUID.randomUUID(), "marker", true);
            client.send(marker);
            assertThat(platform.actionsUntil(session.sceneId(), marker.getActionId()))
                    .noneMatch(a -> a.getActionId().equals(impostor.getActionId()));
        }
    }

    @Test
    void shouldKeepTransientChangesInsideTheirSession() {
        // given: two sessions of one scene
        Session first = Session.create("overlay", "persistent");
        UUID secondSession = platform.rest().createSession(first.sceneId(), "persistent");
        RestCalls.Joined author = first.join("editor");
        RestCalls.Joined peer = first.join("viewer");
        RestCalls.Joined outsider = platform.rest().join(first.sceneId(), secondSession, "viewer", true);
        try (RawLivelink authoring = connect(); RawLivelink peering = connect(); RawLivelink outside = connect()) {
            authoring.join(author.token());
            peering.join(peer.token());
            outside.join(outsider.token());

            // when: a transient change, then a persisted one
            Actions authorActions = Actions.of(author);
            SceneAction overlay = authorActions.create(UUID.randomUUID(), "only here", false);
            authoring.send(overlay);
            SceneEvent transientEvent = peering.awaitFirst(SceneEvent.class,
                    e -> e.getActionId().equals(overlay.getActionId()));
            SceneAction persisted = authorActions.create(UUID.randomUUID(), "everywhere", true);
            authoring.send(persisted);

            // then
            assertThat(transientEvent.getPersisted()).isFalse();
            SceneEvent seenOutside = outside.awaitFirst(SceneEvent.class,
                    e -> e.getActionId().equals(persisted.getActionId()));
            assertThat(seenOutside.getVersion()).isGreaterThan(transientEvent.getVersion());
            assertThat(outside.events()).allMatch(e -> e.getPersisted()
                    || secondSession.equals(e.getEmitter().getSessionId()));
            assertThat(outside.events()).noneMatch(e -> e.getActionId().equals(overlay.getActionId()));
        }
    }

    private static RawLivelink connect() {
        return RawLivelink.connect(platform.bridge().livelinkUri());
    }

    /** A scene with one session, for one test. */
    private record Session(UUID sceneId, UUID sessionId) {
        static Session create(String name, String mode) {
            UUID scene = platform.rest().createScene(name);
            return new Session(scene, platform.rest().createSession(scene, mode));
        }

        RestCalls.Joined join(String role) {
            return platform.rest().join(sceneId, sessionId, role, true);
        }
    }
}
