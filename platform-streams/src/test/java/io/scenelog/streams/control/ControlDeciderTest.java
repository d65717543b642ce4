package io.scenelog.streams.control;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ClientJoined;
import io.scenelog.model.ClientLeft;
import io.scenelog.model.CreateScene;
import io.scenelog.model.DeleteScene;
import io.scenelog.model.EndSession;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.RequestSession;
import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionLost;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRunning;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.MapSceneState;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControlDeciderTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final ControlDecider decider =
            new ControlDecider(new TokenVerifier(Fixtures.KEY, Clock.fixed(T0, ZoneOffset.UTC)));

    private static void assertRejected(ControlOutcome outcome, ReasonCode reason) {
        assertThat(outcome).isInstanceOfSatisfying(ControlOutcome.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).as(rejected.rejection().message())
                        .isEqualTo(reason));
    }

    @Test
    void shouldCreateANewScene() {
        // when
        ControlOutcome outcome = decider.decide(new MapSceneState(scene),
                control(scene, new CreateScene("warehouse", Map.of("sky", "blue"))), T0);

        // then
        assertThat(outcome).isEqualTo(new ControlOutcome.Applied(
                List.of(new ControlEvent.SceneCreated(scene, "warehouse", Map.of("sky", "blue"), T0))));
    }

    @Test
    void shouldRejectCommandsWithoutAnAdminToken() {
        // given
        SceneControl command = SceneControl.newBuilder(control(scene, new CreateScene("x", Map.of())))
                .setClientId("alice").setToken(Fixtures.token("alice", Role.EDITOR)).build();

        // then
        assertRejected(decider.decide(new MapSceneState(scene), command, T0), ReasonCode.UNAUTHORIZED);
    }

    @Test
    void shouldRejectAnAdminTokenScopedToAnotherScene() {
        // given
        String token = Fixtures.token(TokenClaims.of(Fixtures.ADMIN, Role.ADMIN).forScene(UUID.randomUUID()));
        SceneControl command = SceneControl.newBuilder(control(scene, new CreateScene("x", Map.of())))
                .setToken(token).build();

        // then
        assertRejected(decider.decide(new MapSceneState(scene), command, T0), ReasonCode.UNAUTHORIZED);
    }

    @Test
    void shouldNeverReuseASceneId() {
        // given
        MapSceneState deleted = new MapSceneState(scene).withDeletedScene();

        // then
        assertRejected(decider.decide(deleted, control(scene, new CreateScene("again", Map.of())), T0),
                ReasonCode.ALREADY_EXISTS);
    }

    @Test
    void shouldRejectABlankSceneName() {
        assertRejected(decider.decide(new MapSceneState(scene), control(scene, new CreateScene(" ", Map.of())), T0),
                ReasonCode.INVALID);
    }

    @Test
    void shouldRejectSessionCommandsOnAnUnknownScene() {
        assertRejected(decider.decide(new MapSceneState(scene),
                control(scene, new RequestSession(session, SessionMode.PERSISTENT)), T0), ReasonCode.UNKNOWN_SCENE);
    }

    @Test
    void shouldEndTheLiveSessionsOfADeletedScene() {
        // given
        UUID ended = UUID.randomUUID();
        MapSceneState state = new MapSceneState(scene).withScene(4)
                .withSession(session, SessionMode.PERSISTENT, SessionStatus.RUNNING)
                .withSession(ended, SessionMode.PERSISTENT, SessionStatus.ENDED);

        // when
        ControlOutcome outcome = decider.decide(state, control(scene, new DeleteScene()), T0);

        // then
        assertThat(outcome).isEqualTo(new ControlOutcome.Applied(List.of(
                new ControlEvent.SceneDeleted(scene, T0),
                new ControlEvent.SessionEnded(session, "scene deleted", T0))));
    }

    @Test
    void shouldRejectASecondSessionWithTheSameId() {
        // given
        MapSceneState state = new MapSceneState(scene).withScene(0)
                .withSession(session, SessionMode.TRANSIENT, SessionStatus.ENDED);

        // then
        assertRejected(decider.decide(state, control(scene, new RequestSession(session, SessionMode.PERSISTENT)),
                T0), ReasonCode.ALREADY_EXISTS);
    }

    @Test
    void shouldRejectCommandsForAnEndedSession() {
        // given
        MapSceneState state = new MapSceneState(scene).withScene(0)
                .withSession(session, SessionMode.TRANSIENT, SessionStatus.ENDED);

        // then
        assertRejected(decider.decide(state, control(scene, new SessionRunning(session, "node-1", null)), T0),
                ReasonCode.UNKNOWN_SESSION);
        assertRejected(decider.decide(state, control(scene, new ClientJoined(session, "bob", Role.EDITOR, false)),
                T0), ReasonCode.UNKNOWN_SESSION);
        assertRejected(decider.decide(state, control(scene, new EndSession(session, "again")), T0),
                ReasonCode.UNKNOWN_SESSION);
    }

    @Test
    void shouldRejectTheDepartureOfAClientThatDidNotJoin() {
        // given
        MapSceneState state = new MapSceneState(scene).withScene(0)
                .withSession(session, SessionMode.TRANSIENT, SessionStatus.RUNNING, "alice", Role.EDITOR);

        // then
        assertRejected(decider.decide(state, control(scene, new ClientLeft(session, "bob")), T0),
                ReasonCode.UNKNOWN_SESSION);
    }

    @Test
    void shouldAnswerAKnownCommandIdAsDuplicate() {
        // given
        SceneControl command = control(scene, new CreateScene("x", Map.of()));
        MapSceneState state = new MapSceneState(scene).withScene(0).withOutcome(ActionResult.newBuilder()
                .setActionId(command.getCommandId()).setSceneId(scene).setClientId(Fixtures.ADMIN).setClientSeq(0)
                .setStatus(ActionStatus.ACCEPTED).setSceneVersion(0L).setDecidedAt(T0).build());

        // then
        assertThat(decider.decide(state, command, T0)).isInstanceOf(ControlOutcome.Duplicate.class);
    }

    @Test
    void shouldAcceptSessionRunningFromTheAssignedNode() {
        // given
        MapSceneState state = new MapSceneState(scene).withScene(0)
                .withSessionOn(session, SessionStatus.ASSIGNED, "node-1");

        // then
        assertThat(decider.decide(state, control(scene, new SessionRunning(session, "node-1", "tcp://n:1")), T0))
                .isEqualTo(new ControlOutcome.Applied(
                        List.of(new ControlEvent.SessionStarted(session, "node-1", "tcp://n:1", T0))));
    }

    @Test
    void shouldRejectSessionRunningFromAnotherNodeOrForAWaitingSession() {
        // given
        MapSceneState moved = new MapSceneState(scene).withScene(0)
                .withSessionOn(session, SessionStatus.RUNNING, "node-2");
        MapSceneState waiting = new MapSceneState(scene).withScene(0)
                .withSession(session, SessionMode.PERSISTENT, SessionStatus.REQUESTED);

        // then
        assertRejected(decider.decide(moved, control(scene, new SessionRunning(session, "node-1", null)), T0),
                ReasonCode.UNKNOWN_SESSION);
        assertRejected(decider.decide(waiting, control(scene, new SessionRunning(session, "node-1", null)), T0),
                ReasonCode.UNKNOWN_SESSION);
    }

    @Test
    void shouldRequeueASessionItsNodeLost() {
        // given
        MapSceneState state = new MapSceneState(scene).withScene(0)
                .withSessionOn(session, SessionStatus.RUNNING, "node-1");

        // then
        assertThat(decider.decide(state, control(scene, new SessionLost(session, "node-1", "exit 137")), T0))
                .isEqualTo(new ControlOutcome.Applied(
                        List.of(new ControlEvent.SessionRequeued(session, "node-1", "exit 137", T0))));
        assertRejected(decider.decide(state, control(scene, new SessionLost(session, "node-1", " ")), T0),
                ReasonCode.INVALID);
    }
}
