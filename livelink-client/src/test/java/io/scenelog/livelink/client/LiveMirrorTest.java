package io.scenelog.livelink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Channel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live mirror against a scripted bridge: seeding, held events, re-seeding after a RESET. */
class LiveMirrorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private TestBridge bridge;
    private LivelinkClient client;
    private final List<SceneEvent> passedOn = new CopyOnWriteArrayList<>();
    private final LiveMirror live = new LiveMirror(new LivelinkListener() {
        @Override
        public void onEvent(SceneEvent event) {
            passedOn.add(event);
        }
    });

    @BeforeEach
    void startBridge() throws Exception {
        bridge = new TestBridge();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        bridge.close();
    }

    @Test
    void shouldSeedFromTheAnswerAndApplyTheEventsHeldMeanwhile() throws Exception {
        // given a connected client whose bridge sends events 2 and 3 before answering the query at version 2
        TestBridge.Peer peer = connect();
        CompletableFuture<SceneMirror> seeded = live.start(client);
        Query query = peer.awaitPayload(Channel.QUERY, Query.class);
        peer.send(Samples.event(2, true, Samples.change(A, EntityChangeKind.UPDATED, 2, Samples.named("a2"),
                List.of())));
        peer.send(Samples.event(3, true, Samples.change(B, EntityChangeKind.CREATED, 1, Samples.named("b"),
                List.of())));

        // when
        peer.send(answer(query.getQueryId(), 2, entity(A, "a2", 2)));
        SceneMirror mirror = seeded.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        peer.send(Samples.event(4, true, Samples.change(A, EntityChangeKind.DELETED, 3, Samples.named(null),
                List.of())));

        // then
        await().atMost(WAIT).until(() -> mirror.version() == 4);
        assertThat(mirror.entities().keySet()).containsExactly(B);
        assertThat(mirror.duplicatesDropped()).isEqualTo(1);
        assertThat(passedOn).extracting(SceneEvent::getVersion).containsExactly(2L, 3L, 4L);
        assertThat(live.seeded()).isTrue();
    }

    @Test
    void shouldAskAgainAndReseedAfterAReconnectThatCannotResume() throws Exception {
        // given a seeded mirror at version 5, on a bridge that answers heartbeats (so that the client notices the drop
        // by its idle watchdog when the JDK misses the TCP close)
        bridge.answerHeartbeats();
        TestBridge.Peer peer = connect(ClientOptions.defaults().withListener(live).withAutoReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)),
                Samples.welcome(ResumeOutcome.FRESH, 0, 100, 256 * 1024));
        CompletableFuture<SceneMirror> seeded = live.start(client);
        peer.send(answer(peer.awaitPayload(Channel.QUERY, Query.class).getQueryId(), 5, entity(A, "a", 1)));
        SceneMirror mirror = seeded.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // when the connection drops and the next bridge answers RESET, the scene having been recreated at version 1
        peer.drop();
        TestBridge.Peer next = bridge.awaitPeer();
        next.awaitPayload(Channel.HELLO, Hello.class);
        next.send(Samples.welcome(ResumeOutcome.RESET, 1, 60_000, 256 * 1024));
        Query again = next.awaitPayload(Channel.QUERY, Query.class);
        next.send(answer(again.getQueryId(), 1, entity(B, "b", 1)));

        // then
        await().atMost(WAIT).until(() -> mirror.version() == 1);
        assertThat(mirror.entities().keySet()).containsExactly(B);
    }

    private TestBridge.Peer connect() throws Exception {
        return connect(ClientOptions.defaults().withListener(live), Samples.welcome());
    }

    private TestBridge.Peer connect(ClientOptions options, Welcome welcome) throws Exception {
        CompletableFuture<LivelinkClient> connecting = CompletableFuture.supplyAsync(() ->
                LivelinkClient.connect(bridge.url("s-1"), "token", options));
        TestBridge.Peer peer = bridge.awaitPeer();
        peer.awaitPayload(Channel.HELLO, Hello.class);
        peer.send(welcome);
        client = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return peer;
    }

    private static EntityState entity(UUID id, String name, long version) {
        return EntityState.newBuilder().setSceneId(Samples.SCENE).setEntityId(id).setVersion(version)
                .setSceneVersion(version).setComponents(Samples.named(name)).setUpdatedAt(Samples.AT).build();
    }

    private static QueryResult answer(long queryId, long version, EntityState... entities) {
        return QueryResult.newBuilder().setQueryId(queryId).setStatus(QueryStatus.OK).setSceneVersion(version)
                .setEntities(List.of(entities)).setPart(0).setLast(true).build();
    }
}
