package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.endSession;
import static io.scenelog.streams.testing.Fixtures.node;
import static io.scenelog.streams.testing.Fixtures.requestSession;
import static io.scenelog.streams.testing.Fixtures.sessionLost;
import static io.scenelog.streams.testing.Fixtures.sessionRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.scenelog.model.ActionStatus;
import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.placement.PlacementSettings;
import io.scenelog.streams.testing.CommitDriver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session placement in the production topology: each rule of DESIGN §6 on its own. */
class PlacementTopologyTest {

    private static final Duration ROUND = PlacementSettings.DEFAULT_INTERVAL;
    private static final Duration TIMEOUT = PlacementSettings.DEFAULT_NODE_TIMEOUT;

    private final UUID scene = UUID.randomUUID();
    private final CommitDriver driver = new CommitDriver();
    private final Map<UUID, SessionRecord> sessions = new HashMap<>();

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private UUID request() {
        UUID session = UUID.randomUUID();
        assertThat(driver.send(requestSession(scene, session, SessionMode.PERSISTENT)).getStatus())
                .isEqualTo(ActionStatus.ACCEPTED);
        return session;
    }

    /** The latest record of every session written so far. */
    private Map<UUID, SessionRecord> latest() {
        driver.sessions().forEach(r -> sessions.put(UUID.fromString(r.key()), r.value()));
        return sessions;
    }

    private SessionRecord latest(UUID session) {
        return latest().get(session);
    }

    private void beat(String nodeId, int capacity) {
        driver.heartbeat(node(nodeId, capacity, driver.now()));
    }

    @Test
    void shouldSpreadSessionsOverNodesByFreeCapacity() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 2);
        beat("node-b", 2);

        // when
        List<UUID> requested = List.of(request(), request(), request(), request());

        // then
        Map<String, Long> perNode = requested.stream().map(this::latest)
                .peek(s -> assertThat(s.getStatus()).isEqualTo(SessionStatus.ASSIGNED))
                .collect(Collectors.groupingBy(SessionRecord::getNodeId, Collectors.counting()));
        assertThat(perNode).containsEntry("node-a", 2L).containsEntry("node-b", 2L);
    }

    @Test
    void shouldCountTheSessionsAHeartbeatShows() {
        // given: node-a already hosts two sessions of another task
        driver.send(createScene(scene));
        driver.heartbeat(node("node-a", 3, driver.now(), UUID.randomUUID(), UUID.randomUUID()));
        beat("node-b", 2);

        // when
        UUID session = request();

        // then
        assertThat(latest(session).getNodeId()).isEqualTo("node-b");
    }

    @Test
    void shouldKeepASessionRequestedWhileNoNodeHasRoomAndPlaceItWhenOneAppears() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID first = request();
        UUID second = request();
        assertThat(latest(first).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(latest(second).getStatus()).isEqualTo(SessionStatus.REQUESTED);

        // when
        beat("node-b", 1);
        driver.advance(ROUND);

        // then
        assertThat(latest(second).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(latest(second).getNodeId()).isEqualTo("node-b");
    }

    @Test
    void shouldMoveTheSessionsOfANodeThatIsDown() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID session = request();
        driver.send(sessionRunning(scene, session, "node-a", "tcp://node-a:7001"));
        beat("node-b", 1);

        // when
        driver.heartbeat(NodeStatus.newBuilder(node("node-a", 1, driver.now())).setStatus(NodeState.DOWN).build());
        driver.advance(ROUND);

        // then
        List<SessionRecord> history = driver.sessions().stream().map(r -> r.value()).toList();
        assertThat(history).extracting(SessionRecord::getStatus, SessionRecord::getNodeId)
                .containsExactly(
                        tuple(SessionStatus.REQUESTED, null),
                        tuple(SessionStatus.ASSIGNED, "node-a"),
                        tuple(SessionStatus.RUNNING, "node-a"),
                        tuple(SessionStatus.REQUESTED, null),
                        tuple(SessionStatus.ASSIGNED, "node-b"));
        assertThat(history.get(3).getFrameEndpoint()).isNull();
    }

    @Test
    void shouldMoveTheSessionsOfANodeThatMissedItsHeartbeats() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID session = request();
        driver.send(sessionRunning(scene, session, "node-a", "tcp://node-a:7001"));

        // when: node-b keeps beating, node-a falls silent
        for (Duration waited = Duration.ZERO; waited.compareTo(TIMEOUT.plus(ROUND)) <= 0; waited = waited.plus(ROUND)) {
            beat("node-b", 1);
            driver.advance(ROUND);
        }

        // then
        assertThat(latest(session).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(latest(session).getNodeId()).isEqualTo("node-b");
    }

    @Test
    void shouldKeepTheSessionsOfANodeThatBeatsInTime() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID session = request();
        driver.send(sessionRunning(scene, session, "node-a", "tcp://node-a:7001"));
        driver.drain();

        // when
        for (Duration waited = Duration.ZERO; waited.compareTo(TIMEOUT.multipliedBy(2)) <= 0;
                waited = waited.plus(ROUND)) {
            beat("node-a", 1);
            driver.advance(ROUND);
        }

        // then
        assertThat(driver.sessions()).isEmpty();
    }

    @Test
    void shouldPlaceALostSessionOnAnotherNodeWhenOneHasRoom() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 2);
        UUID session = request();
        driver.send(sessionRunning(scene, session, "node-a", "tcp://node-a:7001"));
        beat("node-b", 1);

        // when
        assertThat(driver.send(sessionLost(scene, session, "node-a")).getStatus()).isEqualTo(ActionStatus.ACCEPTED);

        // then
        assertThat(latest(session).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(latest(session).getNodeId()).isEqualTo("node-b");
    }

    @Test
    void shouldReturnALostSessionToItsNodeWhenNoOtherHasRoom() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 2);
        UUID session = request();

        // when
        driver.send(sessionLost(scene, session, "node-a"));

        // then
        assertThat(latest(session).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(latest(session).getNodeId()).isEqualTo("node-a");
    }

    @Test
    void shouldRejectALossReportedByANodeThatDoesNotHostTheSession() {
        // given
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID session = request();

        // then
        assertThat(driver.send(sessionLost(scene, session, "node-b")).getReason())
                .isEqualTo(ReasonCode.UNKNOWN_SESSION);
        assertThat(latest(session).getNodeId()).isEqualTo("node-a");
    }

    @Test
    void shouldRejectSessionRunningFromAStaleRenderer() {
        // given: the session moved from node-a to node-b
        driver.send(createScene(scene));
        beat("node-a", 1);
        UUID session = request();
        beat("node-b", 1);
        driver.send(sessionLost(scene, session, "node-a"));
        assertThat(latest(session).getNodeId()).isEqualTo("node-b");

        // when
        var result = driver.send(sessionRunning(scene, session, "node-a", "tcp://node-a:7001"));

        // then
        assertThat(result.getReason()).isEqualTo(ReasonCode.UNKNOWN_SESSION);
        assertThat(result.getMessage()).contains("node-b");
        assertThat(latest(session).getStatus()).isEqualTo(SessionStatus.ASSIGNED);
    }

    @Test
    void shouldNeverPlaceAnEndedSession() {
        // given: no node, the session waits; then it ends
        driver.send(createScene(scene));
        UUID session = request();
        driver.send(endSession(scene, session));
        driver.drain();

        // when
        beat("node-a", 4);
        driver.advance(ROUND.multipliedBy(2));

        // then
        assertThat(driver.sessions()).isEmpty();
    }

    @Test
    void shouldPlaceNothingOnADrainingNode() {
        // given
        driver.send(createScene(scene));
        driver.heartbeat(NodeStatus.newBuilder(node("node-a", 4, driver.now())).setStatus(NodeState.DRAINING)
                .build());

        // when
        UUID session = request();
        driver.advance(ROUND);

        // then
        assertThat(latest(session).getStatus()).isEqualTo(SessionStatus.REQUESTED);
    }
}
