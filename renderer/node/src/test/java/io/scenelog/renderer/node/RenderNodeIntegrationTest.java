package io.scenelog.renderer.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.SceneCommands;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Render nodes against the real platform (broker, registry, platform-streams), with a renderer-like process that
 * needs no Vulkan: placement spreads sessions, a killed renderer or a vanished node sends its sessions elsewhere, an
 * ended session's renderer stops, an idle session ends.
 */
class RenderNodeIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final OrchestrationPlatform platform = OrchestrationPlatform.get();
    private final SceneCommands commands = platform.commands();
    private final UUID scene = UUID.randomUUID();
    private final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<UUID> requested = new ArrayList<>();
    private final List<RenderNode> nodes = new ArrayList<>();

    /** Ends this test's sessions first, so no other test's nodes inherit them, then stops this test's nodes. */
    @AfterEach
    void endSessionsAndStopNodes() {
        requested.forEach(s -> platform.send(commands.endSession(scene, s, "test over")));
        Awaitility.await().atMost(DEADLINE).until(() -> requested.stream().allMatch(
                s -> session(s).getStatus() == SessionStatus.ENDED));
        nodes.forEach(RenderNode::close);
    }

    private RenderNode startNode(String name, int capacity, UnaryOperator<RenderNodeSettings.Builder> adjust) {
        RenderNode node = RenderNode.start(adjust.apply(platform.node(prefix + name, capacity)).build());
        nodes.add(node);
        return node;
    }

    private UUID requestSession() {
        UUID session = UUID.randomUUID();
        platform.send(commands.requestSession(scene, session, SessionMode.TRANSIENT));
        requested.add(session);
        return session;
    }

    private SessionRecord session(UUID sessionId) {
        return platform.sessions().get(sessionId.toString()).orElse(null);
    }

    private SessionRecord awaitRunning(UUID sessionId, String notAt) {
        Awaitility.await().atMost(DEADLINE).until(() -> {
            SessionRecord s = session(sessionId);
            return s != null && s.getStatus() == SessionStatus.RUNNING && !s.getFrameEndpoint().equals(notAt);
        });
        return session(sessionId);
    }

    private static void assertServes(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    private void createScene() {
        platform.send(commands.createScene(scene, "orchestration", Map.of()));
    }

    @Test
    void shouldSpreadFourSessionsOverTwoNodesAndServeEach() throws IOException {
        // given
        createScene();
        RenderNode a = startNode("a", 2, b -> b);
        RenderNode b = startNode("b", 2, x -> x);

        // when
        List<UUID> sessions = List.of(requestSession(), requestSession(), requestSession(), requestSession());

        // then
        List<SessionRecord> running = sessions.stream().map(s -> awaitRunning(s, "")).toList();
        assertThat(running.stream().collect(Collectors.groupingBy(SessionRecord::getNodeId, Collectors.counting())))
                .containsEntry(a.nodeId(), 2L).containsEntry(b.nodeId(), 2L);
        for (SessionRecord s : running) {
            assertServes(s.getFrameEndpoint());
        }
        assertThat(a.hostedSessions()).hasSize(2);
    }

    @Test
    void shouldBringBackASessionWhoseRendererWasKilled() throws IOException {
        // given
        createScene();
        startNode("a", 2, b -> b);
        startNode("b", 2, b -> b);
        UUID sessionId = requestSession();
        SessionRecord before = awaitRunning(sessionId, "");
        RenderNode host = nodes.stream().filter(n -> n.nodeId().equals(before.getNodeId())).findFirst().orElseThrow();
        long pid = host.rendererPids().get(sessionId);

        // when: kill -9
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        // then
        SessionRecord after = awaitRunning(sessionId, before.getFrameEndpoint());
        assertThat(after.getFrameEndpoint()).isNotEqualTo(before.getFrameEndpoint());
        assertServes(after.getFrameEndpoint());
    }

    @Test
    void shouldMoveTheSessionsOfANodeThatVanished() {
        // given: everything on node a first
        createScene();
        RenderNode a = startNode("a", 2, b -> b);
        List<UUID> sessions = List.of(requestSession(), requestSession());
        sessions.forEach(s -> assertThat(awaitRunning(s, "").getNodeId()).isEqualTo(a.nodeId()));
        Map<UUID, Long> pids = a.rendererPids();
        RenderNode b = startNode("b", 2, x -> x);

        // when: no goodbye, no heartbeats, renderers killed
        a.abandon();

        // then
        for (UUID s : sessions) {
            Awaitility.await().atMost(DEADLINE).until(() -> {
                SessionRecord now = session(s);
                return now.getStatus() == SessionStatus.RUNNING && b.nodeId().equals(now.getNodeId());
            });
        }
        assertThat(pids.values()).allMatch(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void shouldStopTheRendererOfAnEndedSession() {
        // given
        createScene();
        RenderNode a = startNode("a", 1, b -> b);
        UUID sessionId = requestSession();
        awaitRunning(sessionId, "");
        ProcessHandle renderer = ProcessHandle.of(a.rendererPids().get(sessionId)).orElseThrow();

        // when
        platform.send(commands.endSession(scene, sessionId, "ended by an admin"));

        // then
        Awaitility.await().atMost(DEADLINE).until(() -> !renderer.isAlive() && a.hostedSessions().isEmpty());
    }

    @Test
    void shouldEndASessionThatSatIdleWithoutClients() {
        // given
        createScene();
        RenderNode a = startNode("a", 1, b -> b.idleTimeout(Duration.ofSeconds(1)));

        // when
        UUID sessionId = requestSession();

        // then
        Awaitility.await().atMost(DEADLINE).until(() -> session(sessionId) != null
                && session(sessionId).getStatus() == SessionStatus.ENDED);
        assertThat(session(sessionId).getEndReason()).isEqualTo("idle timeout with no clients");
        Awaitility.await().atMost(DEADLINE).until(() -> a.hostedSessions().isEmpty());
    }
}
