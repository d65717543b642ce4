package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.scenelog.livelink.CameraOrbit;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.schemas.livelink.Channel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Video through the bridge with the whole platform and a scripted renderer (a real RenderLink server) whose endpoint
 * appears in the {@code sessions} topic as the pipeline writes it for a running session
 * ({@link RunningPlatform#runSession}): the bridge follows that topic.
 */
class VideoIntegrationTest {

    private static final VideoSettings SMALL = new VideoSettings(320, 180, 30, List.of("vp8"), null);
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldRelayEachClientsOwnStreamByteForByte() {
        // given: a running renderer and two video clients
        Session session = Session.create("two-streams");
        try (RawLivelink first = session.videoClient(platform.bridge());
                RawLivelink second = session.videoClient(platform.bridge());
                ScriptedRenderer renderer = session.run()) {
            String firstId = session.configure(first, renderer);
            String secondId = session.configure(second, renderer);

            // when
            renderer.emit(firstId, 5, 1_000);
            renderer.emit(secondId, 3, 2_000);

            // then: each gets exactly its own frames, as the renderer sent them
            await().atMost(RawLivelink.WAIT).until(() -> first.raw(Channel.VIDEO).size() == 5
                    && second.raw(Channel.VIDEO).size() == 3);
            assertThat(first.raw(Channel.VIDEO)).containsExactlyElementsOf(renderer.sent(firstId));
            assertThat(second.raw(Channel.VIDEO)).containsExactlyElementsOf(renderer.sent(secondId));
            assertThat(first.all(VideoFrame.class).get(0).getKeyFrame()).isTrue();
            assertThat(videoStates(first)).contains(VideoState.STREAMING);
        }
    }

    @Test
    void shouldNeverForwardAnythingOfAHeadlessClient() {
        // given
        Session session = Session.create("headless");
        try (RawLivelink headless = RawLivelink.connect(platform.bridge().livelinkUri());
                RawLivelink video = session.videoClient(platform.bridge())) {
            Welcome welcome = headless.join(session.join(true).token());
            ScriptedRenderer renderer = session.run();

            // when: the headless client asks for video, steers and picks
            headless.send(new Configure(SMALL));
            headless.send(new Input(List.of(new InputEvent(1L, new CameraOrbit(10f, 0f)))));
            headless.send(Query.newBuilder().setQueryId(3).setQuery(new PickQuery(0.5f, 0.5f)).build());
            headless.awaitFirst(QueryResult.class, r -> r.getQueryId() == 3);
            // and a video client's Configure goes after it, on the same link
            String videoId = session.configure(video, renderer);

            // then
            assertThat(videoStates(headless)).containsExactly(VideoState.SUSPENDED);
            assertThat(headless.all(QueryResult.class).get(0).getStatus()).isEqualTo(QueryStatus.UNSUPPORTED);
            assertThat(renderer.received()).allMatch(r -> r.clientId().equals(videoId))
                    .noneMatch(r -> r.clientId().equals(welcome.getClientId()));
            renderer.close();
        }
    }

    @Test
    void shouldLinkToAReplacedRendererAndConfigureItsClientsAgain() {
        // given: a client streaming from a renderer
        Session session = Session.create("restart");
        try (RawLivelink client = session.videoClient(platform.bridge())) {
            ScriptedRenderer crashed = session.run();
            String clientId = session.configure(client, crashed);
            crashed.emit(clientId, 2, 500);
            await().atMost(RawLivelink.WAIT).until(() -> client.raw(Channel.VIDEO).size() == 2);

            // when: it crashes and another takes over the session with a new endpoint
            crashed.close();
            try (ScriptedRenderer replacement = session.run()) {
                await().atMost(RawLivelink.WAIT).until(() -> replacement.received(clientId, Configure.class).size()
                        == 1);
                replacement.emit(clientId, 2, 700);

                // then: the client was told, and streams on from a key frame of the new renderer
                await().atMost(RawLivelink.WAIT).until(() -> client.raw(Channel.VIDEO).size() == 4);
                assertThat(client.raw(Channel.VIDEO).subList(2, 4))
                        .containsExactlyElementsOf(replacement.sent(clientId));
                assertThat(client.all(VideoFrame.class).get(2).getKeyFrame()).isTrue();
                assertThat(videoStates(client)).contains(VideoState.STARTING);
                assertThat(replacement.received(clientId, Configure.class).get(0).getVideo()).isEqualTo(SMALL);
            }
        }
    }

    @Test
    void shouldRelayPicksInputAndKeyFrameRequestsAndCloseTheLinkWithTheLastClient() {
        // given
        Session session = Session.create("pick");
        RawLivelink client = session.videoClient(platform.bridge());
        try (ScriptedRenderer renderer = session.run()) {
            String clientId = session.configure(client, renderer);

            // when
            client.send(Query.newBuilder().setQueryId(42).setQuery(new PickQuery(0.25f, 0.75f)).build());
            Input input = new Input(List.of(new InputEvent(7L, new CameraOrbit(15f, -5f))));
            client.send(input);
            client.send(new Control(new RequestKeyFrame(9L)));

            // then
            QueryResult pick = client.awaitFirst(QueryResult.class, r -> r.getQueryId() == 42);
            assertThat(pick.getStatus()).isEqualTo(QueryStatus.OK);
            assertThat(pick.getPick().getEntityId()).isEqualTo(renderer.pickedEntity());
            assertThat(renderer.received(clientId, Query.class).get(0).getQuery()).isEqualTo(new PickQuery(0.25f,
                    0.75f));
            await().atMost(RawLivelink.WAIT).until(() -> renderer.received(clientId, Control.class).size() == 1);
            assertThat(renderer.received(clientId, Input.class)).containsExactly(input);
            assertThat(renderer.received(clientId, Control.class).get(0).getCommand())
                    .isEqualTo(new RequestKeyFrame(9L));

            // and when the last video client leaves, the link closes
            client.close();
            await().atMost(RawLivelink.WAIT).until(() -> !renderer.linked());
        }
    }

    @Test
    void shouldDropVideoForAClientThatDoesNotReadButKeepItConnected() {
        // given: a bridge with a small outbound queue and a client that stops reading
        try (LivelinkBridge small = platform.startBridge(b -> b.limits(BridgeLimits.defaults()
                .withOutboundQueue(64, 1024 * 1024)))) {
            Counter dropped = small.meterRegistry().find("scenelog_bridge_video_frames_dropped").counter();
            Session session = Session.create("slow");
            try (RawLivelink client = session.videoClient(small);
                    ScriptedRenderer renderer = session.run()) {
                String clientId = session.configure(client, renderer);
                client.pauseReading();

                // when: far more video than the socket and the queue hold
                renderer.emit(clientId, 400, 32 * 1024);
                await().atMost(RawLivelink.WAIT).until(() -> dropped.count() > 0);
                await().atMost(RawLivelink.WAIT).until(() -> renderer.received(clientId, Control.class).size() >= 1);
                client.resumeReading();
                renderer.emit(clientId, 3, 1_000);

                // then: the client gets the newest frames, decodable from a key frame, and was never disconnected
                List<byte[]> sent = renderer.sent(clientId);
                await().atMost(RawLivelink.WAIT).until(() -> {
                    List<byte[]> got = client.raw(Channel.VIDEO);
                    return !got.isEmpty() && java.util.Arrays.equals(got.get(got.size() - 1),
                            sent.get(sent.size() - 1));
                });
                List<VideoFrame> frames = client.all(VideoFrame.class);
                assertThat(frames.size()).isLessThan(sent.size());
                for (int i = 1; i < frames.size(); i++) {
                    boolean gap = frames.get(i).getFrameNumber() != frames.get(i - 1).getFrameNumber() + 1;
                    assertThat(!gap || frames.get(i).getKeyFrame()).as("frame %d after a gap is a key frame",
                            frames.get(i).getFrameNumber()).isTrue();
                }
                assertThat(client.isClosed()).isFalse();
                assertThat(client.all(Control.class)).noneMatch(c -> c.getCommand() instanceof Disconnect);
            }
        }
    }

    @Test
    void shouldTellClientsWhenTheRendererRefusesTheBridge() {
        // given: a renderer that refuses every bridge
        Session session = Session.create("refused");
        try (ScriptedRenderer renderer = ScriptedRenderer.start(session.sceneId(), session.sessionId(),
                platform.tokenKey(), true);
                RawLivelink client = session.videoClient(platform.bridge())) {
            session.publish(renderer);

            // when
            client.send(new Configure(SMALL));

            // then
            VideoStatus failed = (VideoStatus) client.awaitFirst(Control.class, c -> c.getCommand()
                    instanceof VideoStatus status && status.getState() == VideoState.FAILED).getCommand();
            assertThat(failed.getMessage()).contains("refused").contains("UNAUTHORIZED");
            assertThat(renderer.hellos()).isGreaterThanOrEqualTo(1);
            assertThat(client.isClosed()).isFalse();
        }
    }

    private static List<VideoState> videoStates(RawLivelink client) {
        return client.all(Control.class).stream().filter(c -> c.getCommand() instanceof VideoStatus)
                .map(c -> ((VideoStatus) c.getCommand()).getState()).toList();
    }

    /** A scene's persistent session whose renderer the test plays. */
    private record Session(UUID sceneId, UUID sessionId) {
        static Session create(String name) {
            UUID scene = platform.rest().createScene(name);
            return new Session(scene, platform.rest().createSession(scene, "persistent"));
        }

        /** Starts a scripted renderer and publishes its endpoint through the pipeline. */
        ScriptedRenderer run() {
            ScriptedRenderer renderer = ScriptedRenderer.start(sceneId, sessionId, platform.tokenKey());
            publish(renderer);
            return renderer;
        }

        void publish(ScriptedRenderer renderer) {
            platform.runSession(sessionId, "node-it", renderer.endpoint());
        }

        RestCalls.Joined join(boolean headless) {
            return platform.rest().join(sceneId, sessionId, "viewer", headless);
        }

        /** A welcomed client with video, of a browser's kind. */
        RawLivelink videoClient(LivelinkBridge bridge) {
            RawLivelink client = RawLivelink.connect(bridge.livelinkUri());
            client.send(RawLivelink.hello(join(false).token()).setHeadless(false).setVideoCodecs(List.of("vp8"))
                    .build());
            client.awaitFirst(Welcome.class, w -> true);
            return client;
        }

        /** Sends the client's Configure and waits until the renderer has it; answers the client's id. */
        String configure(RawLivelink client, ScriptedRenderer renderer) {
            String clientId = client.awaitFirst(Welcome.class, w -> true).getClientId();
            client.send(new Configure(SMALL));
            await().atMost(RawLivelink.WAIT).until(() -> !renderer.received(clientId, Configure.class).isEmpty());
            return clientId;
        }
    }
}
