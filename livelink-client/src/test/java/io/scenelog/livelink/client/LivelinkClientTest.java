package io.scenelog.livelink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted WebSocket server on port 0: handshake, frames, heartbeats, reconnects. */
class LivelinkClientTest {

    private static final String TOKEN = "eyJ.test.token";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestBridge bridge;
    private final List<LivelinkClient> clients = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void startBridge() throws Exception {
        bridge = new TestBridge();
    }

    @AfterEach
    void stopEverything() throws Exception {
        clients.forEach(LivelinkClient::close);
        bridge.close();
    }

    @Test
    void shouldSendTheTokenInTheHelloAndReturnAfterTheWelcome() throws Exception {
        // given
        ClientOptions options = options().withDisplayName("robot-7").withOrigin("http://127.0.0.1:1234");
        CompletableFuture<LivelinkClient> connecting = connectAsync(options);
        TestBridge.Peer peer = bridge.awaitPeer();

        // when
        Hello hello = peer.awaitFrame().payload(Hello.class);
        assertThat(connecting).isNotDone();
        peer.send(Samples.welcome());
        LivelinkClient client = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        assertThat(hello.getToken()).isEqualTo(TOKEN);
        assertThat(hello.getProtocolVersion()).isEqualTo(1);
        assertThat(hello.getHeadless()).isTrue();
        assertThat(hello.getDisplayName()).isEqualTo("robot-7");
        assertThat(hello.getResumeFromVersion()).isNull();
        assertThat(peer.requestTarget()).isEqualTo("/livelink?session=s-1").doesNotContain(TOKEN);
        assertThat(peer.header("Origin")).isEqualTo("http://127.0.0.1:1234");
        assertThat(client.sessionId()).isEqualTo(Samples.SESSION);
        assertThat(client.clientId()).isEqualTo(Samples.CLIENT);
        assertThat(client.isConnected()).isTrue();
        assertThat(recorder.welcomes).containsExactly(Samples.welcome());
    }

    @Test
    void shouldThrowTheRefusalWithItsReasonAndRetryDelay() throws Exception {
        // given
        CompletableFuture<LivelinkClient> connecting = connectAsync(options());
        TestBridge.Peer peer = bridge.awaitPeer();
        peer.awaitFrame();

        // when
        peer.send(new Refusal(RefusalReason.UNAVAILABLE, "draining", 1, 1, 250));

        // then
        assertThatThrownBy(() -> connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause()
                .isInstanceOfSatisfying(LivelinkRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RefusalReason.UNAVAILABLE);
                    assertThat(refused.refusalMessage()).isEqualTo("draining");
                    assertThat(refused.retryAfterMillis()).contains(250);
                    assertThat(refused.retryable()).isTrue();
                });
    }

    @Test
    void shouldRefuseAFrameOtherThanWelcomeBeforeTheWelcome() throws Exception {
        // given
        CompletableFuture<LivelinkClient> connecting = connectAsync(options());
        TestBridge.Peer peer = bridge.awaitPeer();
        peer.awaitFrame();

        // when
        peer.send(Samples.event(1, true));

        // then
        assertThatThrownBy(() -> connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause()
                .isInstanceOf(LivelinkProtocolException.class)
                .hasMessageContaining("event frame before the Welcome");
    }

    @Test
    void shouldTimeOutWhenNoWelcomeComes() throws Exception {
        // given a bridge that reads the Hello and says nothing
        CompletableFuture<LivelinkClient> connecting = connectAsync(options()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200)));
        bridge.awaitPeer().awaitFrame();

        // then
        assertThatThrownBy(() -> connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause()
                .isInstanceOf(LivelinkTimeoutException.class)
                .hasMessageContaining("no Welcome within 200 ms");
    }

    @Test
    void shouldReportTheHttpStatusOfARefusedUpgrade() {
        // given
        bridge.refuseUpgradesWith(403);

        // then
        assertThatThrownBy(() -> LivelinkClient.connect(bridge.url("s-1"), TOKEN, options()))
                .isInstanceOfSatisfying(LivelinkConnectionException.class,
                        e -> assertThat(e.httpStatus()).hasValue(403));
    }

    @Test
    void shouldFillTheActionFromTheWelcomeAndCompleteItWithItsResult() throws Exception {
        // given
        Connected connected = connect(options());
        UUID entity = UUID.randomUUID();

        // when
        CompletableFuture<ActionResult> first = connected.client.act(true, List.of(Operations.delete(entity)));
        CompletableFuture<ActionResult> second = connected.client.act(false, List.of(Operations.delete(entity)));
        SceneAction sentFirst = connected.peer.awaitPayload(Channel.ACTION, SceneAction.class);
        SceneAction sentSecond = connected.peer.awaitPayload(Channel.ACTION, SceneAction.class);
        connected.peer.send(Samples.result(sentSecond, ActionStatus.REJECTED, ReasonCode.UNKNOWN_ENTITY).build());
        connected.peer.send(Samples.accepted(sentFirst, 7));

        // then
        assertThat(sentFirst.getSceneId()).isEqualTo(Samples.SCENE);
        assertThat(sentFirst.getSessionId()).isEqualTo(Samples.SESSION);
        assertThat(sentFirst.getClientId()).isEqualTo(Samples.CLIENT);
        assertThat(sentFirst.getToken()).isEmpty();
        assertThat(sentFirst.getPersist()).isTrue();
        assertThat(sentFirst.getOperations()).containsExactly(new DeleteEntity(entity, null));
        assertThat(sentSecond.getClientSeq()).isEqualTo(sentFirst.getClientSeq() + 1);
        assertThat(sentSecond.getActionId()).isNotEqualTo(sentFirst.getActionId());
        assertThat(first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getSceneVersion()).isEqualTo(7L);
        assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getReason())
                .isEqualTo(ReasonCode.UNKNOWN_ENTITY);
        assertThat(connected.client.waitingActions()).isZero();
    }

    @Test
    void shouldRefuseAnActionLargerThanTheBridgeAcceptsWithoutSendingIt() throws Exception {
        // given a bridge that accepts frames up to 200 bytes
        Connected connected = connect(options(), Samples.welcome(ResumeOutcome.FRESH, 0, 60_000, 200));
        Components big = Samples.named("x".repeat(300));

        // when / then
        assertThatThrownBy(() -> connected.client.act(true, List.of(Operations.create(UUID.randomUUID(), big))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the bridge's limit of 200 bytes");
        assertThatThrownBy(() -> connected.client.act(true, List.of("not an operation")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an operation");
        connected.client.sendRaw(new byte[] {14});
        assertThat(connected.peer.awaitMessage()).containsExactly(14);
        assertThat(connected.client.waitingActions()).isZero();
    }

    @Test
    void shouldReassembleAFrameSentInFragmentsAndTrackItsVersion() throws Exception {
        // given
        Connected connected = connect(options());
        SceneEvent event = Samples.event(5, true, Samples.change(UUID.randomUUID(), EntityChangeKind.CREATED, 1,
                Samples.named("a fairly long name to make the frame span several fragments"), List.of()));

        // when
        connected.peer.sendFragmented(event, 7);

        // then
        await().atMost(WAIT).until(() -> recorder.events.size() == 1);
        assertThat(recorder.events).containsExactly(event);
        assertThat(connected.client.lastVersion()).hasValue(5);
    }

    @Test
    void shouldGatherTheQueryAnswerPartsAndAdvanceTheResumePoint() throws Exception {
        // given
        Connected connected = connect(options());
        EntityState a = entity("a");
        EntityState b = entity("b");

        // when
        CompletableFuture<EntitySnapshot> answer = connected.client.queryEntities(List.of());
        Query query = connected.peer.awaitPayload(Channel.QUERY, Query.class);
        connected.peer.send(part(query.getQueryId(), 12, List.of(a), 0, false));
        connected.peer.send(part(query.getQueryId(), 12, List.of(b), 1, true));

        // then
        assertThat(query.getQuery()).isEqualTo(new EntityStateQuery(List.of()));
        EntitySnapshot snapshot = answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(snapshot.sceneVersion()).isEqualTo(12);
        assertThat(snapshot.entities()).containsExactly(a, b);
        assertThat(connected.client.lastVersion()).hasValue(12);
    }

    @Test
    void shouldFailAQueryAnsweredWithAnotherStatusThanOk() throws Exception {
        // given
        Connected connected = connect(options());
        CompletableFuture<EntitySnapshot> answer = connected.client.queryEntities(List.of(UUID.randomUUID()));
        Query query = connected.peer.awaitPayload(Channel.QUERY, Query.class);

        // when
        connected.peer.send(QueryResult.newBuilder(part(query.getQueryId(), 0, List.of(), 0, true))
                .setStatus(QueryStatus.UNAVAILABLE).setMessage("state store restoring").build());

        // then
        assertThatThrownBy(() -> answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause()
                .isInstanceOfSatisfying(LivelinkQueryException.class, e -> {
                    assertThat(e.status()).isEqualTo(QueryStatus.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e).hasMessageContaining("state store restoring");
                });
    }

    @Test
    void shouldAnswerPingsAtOnceAndPingAtTheWelcomesInterval() throws Exception {
        // given heartbeats every 50 ms, and an idle timeout long enough not to matter on a busy machine
        Welcome welcome = Samples.welcome(ResumeOutcome.FRESH, 0, 50, 256 * 1024);
        welcome.setHeartbeatTimeoutMillis(60_000);
        Connected connected = connect(options(), welcome);

        // when
        connected.peer.send(new Heartbeat(HeartbeatKind.PING, 41L, 123_456L, Instant.now(), 9L));

        // then
        Heartbeat pong = awaitHeartbeat(connected.peer, HeartbeatKind.PONG);
        assertThat(pong.getSequence()).isEqualTo(41);
        assertThat(pong.getPingSentMicros()).isEqualTo(123_456);
        assertThat(connected.client.lastVersion()).hasValue(9);
        Heartbeat ping = awaitHeartbeat(connected.peer, HeartbeatKind.PING);
        assertThat(ping.getSceneVersion()).isEqualTo(9L);
    }

    @Test
    void shouldDropAConnectionOnWhichTheBridgeStaysSilent() throws Exception {
        // given heartbeats every 50 ms, a timeout of 150 ms, and a bridge that never answers
        Connected connected = connect(options(), Samples.welcome(ResumeOutcome.FRESH, 0, 50, 256 * 1024));

        // when
        ClientClosure closure = connected.client.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        assertThat(closure.requested()).isFalse();
        assertThat(closure.cause()).isInstanceOf(LivelinkConnectionException.class)
                .hasMessageContaining("sent nothing for");
        assertThat(connected.client.isConnected()).isFalse();
    }

    @Test
    void shouldCloseForGoodOnADisconnectThatForbidsReconnectingAndFailWaitingActions() throws Exception {
        // given a client that would reconnect after a lost connection
        Connected connected = connect(options().withAutoReconnect(true));
        CompletableFuture<ActionResult> waiting = connected.client.act(true, List.of(
                Operations.delete(UUID.randomUUID())));
        connected.peer.awaitPayload(Channel.ACTION, SceneAction.class);

        // when
        connected.peer.send(new Control(new Disconnect(DisconnectReason.EVICTED, "removed by ops", null)));
        connected.peer.sendClose(1000);

        // then
        ClientClosure closure = connected.client.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(closure.disconnect()).contains(DisconnectReason.EVICTED);
        assertThat(closure.message()).isEqualTo("removed by ops");
        assertThat(connected.client.disconnectReason()).map(Disconnect::getReason).contains(DisconnectReason.EVICTED);
        assertThatThrownBy(() -> waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(LivelinkClosedException.class);
        assertThatThrownBy(() -> connected.client.act(true, List.of()))
                .isInstanceOf(LivelinkClosedException.class);
        assertThat(recorder.closures).containsExactly(closure);
    }

    @Test
    void shouldResumeAfterServerShutdownAndResendTheActionsWithoutResult() throws Exception {
        // given a client that saw version 4 and waits for the result of one action
        Connected connected = connect(options().withAutoReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)));
        connected.peer.send(Samples.event(4, true));
        await().atMost(WAIT).until(() -> connected.client.lastVersion().orElse(0) == 4);
        CompletableFuture<ActionResult> waiting = connected.client.act(true, List.of(
                Operations.delete(UUID.randomUUID())));
        SceneAction sent = connected.peer.awaitPayload(Channel.ACTION, SceneAction.class);

        // when the bridge shuts down, and the next one answers the resent action DUPLICATE
        connected.peer.send(new Control(new Disconnect(DisconnectReason.SERVER_SHUTDOWN, "", 20)));
        connected.peer.sendClose(1001);
        TestBridge.Peer next = bridge.awaitPeer();
        Hello hello = next.awaitFrame().payload(Hello.class);
        next.send(Samples.welcome(ResumeOutcome.RESUMED, 4, 60_000, 256 * 1024));
        SceneAction resent = next.awaitPayload(Channel.ACTION, SceneAction.class);
        next.send(Samples.result(resent, ActionStatus.REJECTED, ReasonCode.DUPLICATE)
                .setOriginalStatus(ActionStatus.ACCEPTED).setSceneVersion(5L).build());

        // then
        assertThat(hello.getResumeFromVersion()).isEqualTo(4L);
        assertThat(hello.getToken()).isEqualTo(TOKEN);
        assertThat(resent).isEqualTo(sent);
        ActionResult result = waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(result.getSceneVersion()).isEqualTo(5L);
        assertThat(recorder.lost).hasSize(1);
        assertThat(recorder.welcomes).hasSize(2);
        assertThat(connected.client.isConnected()).isTrue();
        assertThat(connected.client.closed()).isNotDone();
    }

    @Test
    void shouldReconnectAfterADroppedConnectionAndForgetTheVersionOnReset() throws Exception {
        // given a bridge that answers heartbeats (so that the client notices the drop by its idle watchdog when the
        // JDK misses the TCP close)
        bridge.answerHeartbeats();
        Connected connected = connect(options().withAutoReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)),
                Samples.welcome(ResumeOutcome.FRESH, 0, 100, 256 * 1024));
        connected.peer.send(Samples.event(3, true));
        await().atMost(WAIT).until(() -> connected.client.lastVersion().orElse(0) == 3);

        // when the TCP connection drops and the next bridge cannot resume
        connected.peer.drop();
        TestBridge.Peer next = bridge.awaitPeer();
        Hello hello = next.awaitFrame().payload(Hello.class);
        next.send(Samples.welcome(ResumeOutcome.RESET, 1, 60_000, 256 * 1024));

        // then
        assertThat(hello.getResumeFromVersion()).isEqualTo(3L);
        await().atMost(WAIT).until(() -> recorder.welcomes.size() == 2);
        assertThat(connected.client.lastVersion()).isEmpty();
        assertThat(connected.client.isConnected()).isTrue();
    }

    @Test
    void shouldCloseWithANormalClosureAndFailWhatWaits() throws Exception {
        // given
        Connected connected = connect(options());
        CompletableFuture<EntitySnapshot> answer = connected.client.queryEntities(List.of());
        connected.peer.awaitPayload(Channel.QUERY, Query.class);

        // when
        connected.client.close();

        // then
        assertThat(connected.peer.awaitClose()).isEqualTo(1000);
        assertThat(connected.client.closed()).isCompletedWithValueMatching(ClientClosure::requested);
        assertThatThrownBy(() -> answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(LivelinkClosedException.class);
    }

    @Test
    void shouldHandPresenceAndControlToTheListenerInOrder() throws Exception {
        // given
        Connected connected = connect(options());
        Presence present = new Presence(PresenceKind.PRESENT, "client-2", "robot", Role.VIEWER, true, null,
                Samples.AT);

        // when
        connected.peer.send(present);
        connected.peer.send(Samples.event(1, true));

        // then
        await().atMost(WAIT).until(() -> recorder.events.size() == 1);
        assertThat(recorder.presence).containsExactly(present);
    }

    // ---- helpers ----

    private ClientOptions options() {
        return ClientOptions.defaults().withListener(recorder).withCloseTimeout(Duration.ofSeconds(2));
    }

    private CompletableFuture<LivelinkClient> connectAsync(ClientOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            LivelinkClient client = LivelinkClient.connect(bridge.url("s-1"), TOKEN, options);
            clients.add(client);
            return client;
        });
    }

    private Connected connect(ClientOptions options) throws Exception {
        return connect(options, Samples.welcome());
    }

    private Connected connect(ClientOptions options, Welcome welcome) throws Exception {
        CompletableFuture<LivelinkClient> connecting = connectAsync(options);
        TestBridge.Peer peer = bridge.awaitPeer();
        peer.awaitPayload(Channel.HELLO, Hello.class);
        peer.send(welcome);
        try {
            return new Connected(connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), peer);
        } catch (ExecutionException e) {
            throw new AssertionError("The client did not connect", e.getCause());
        }
    }

    private static Heartbeat awaitHeartbeat(TestBridge.Peer peer, HeartbeatKind kind) throws InterruptedException {
        while (true) {
            Heartbeat heartbeat = peer.awaitPayload(Channel.HEARTBEAT, Heartbeat.class);
            if (heartbeat.getKind() == kind) {
                return heartbeat;
            }
        }
    }

    private static EntityState entity(String name) {
        return EntityState.newBuilder().setSceneId(Samples.SCENE).setEntityId(UUID.randomUUID()).setVersion(1)
                .setSceneVersion(1).setComponents(Samples.named(name)).setUpdatedAt(Samples.AT).build();
    }

    private static QueryResult part(long queryId, long version, List<EntityState> entities, int part, boolean last) {
        return QueryResult.newBuilder().setQueryId(queryId).setStatus(QueryStatus.OK).setSceneVersion(version)
                .setEntities(entities).setPart(part).setLast(last).build();
    }

    private record Connected(LivelinkClient client, TestBridge.Peer peer) {
    }

    /** Records what the listener hears. */
    private static final class Recorder implements LivelinkListener {
        final List<Welcome> welcomes = new CopyOnWriteArrayList<>();
        final List<SceneEvent> events = new CopyOnWriteArrayList<>();
        final List<Presence> presence = new CopyOnWriteArrayList<>();
        final List<ClientClosure> lost = new CopyOnWriteArrayList<>();
        final List<ClientClosure> closures = new CopyOnWriteArrayList<>();

        @Override
        public void onWelcome(Welcome welcome, boolean reconnect) {
            welcomes.add(welcome);
        }

        @Override
        public void onEvent(SceneEvent event) {
            events.add(event);
        }

        @Override
        public void onPresence(Presence p) {
            presence.add(p);
        }

        @Override
        public void onConnectionLost(ClientClosure cause) {
            lost.add(cause);
        }

        @Override
        public void onClosed(ClientClosure closure) {
            closures.add(closure);
        }
    }
}
