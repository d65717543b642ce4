package io.scenelog.livelink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.livelink.Channel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's video side against a scripted WebSocket server on port 0: Configure, frames, status, picks. */
class VideoClientTest {

    private static final String TOKEN = "eyJ.test.token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> CODECS = List.of("avc1.42E01F", "vp8");
    private static final VideoSettings SMALL = new VideoSettings(320, 180, 15, CODECS, 800);

    private TestBridge bridge;
    private final Inbox inbox = new Inbox();
    private final List<LivelinkClient> clients = new CopyOnWriteArrayList<>();

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
    void shouldAskForVideoAndHandFramesAndStatusToTheListener() throws Exception {
        // given
        Connected connected = connect(videoOptions());

        // when
        connected.client.configureVideo(SMALL).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Configure sent = connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class);
        VideoStatus streaming = new VideoStatus(VideoState.STREAMING, "vp8", 320, 180, 15, "");
        connected.peer.send(new Control(streaming));
        connected.peer.send(frame(0, true, 4));

        // then
        assertThat(sent.getVideo()).isEqualTo(SMALL);
        VideoFrame received = inbox.awaitFirst(VideoFrame.class, f -> true, WAIT);
        assertThat(received).isEqualTo(frame(0, true, 4));
        assertThat(inbox.awaitVideoStatus(s -> s.getState() == VideoState.STREAMING, WAIT)).isEqualTo(streaming);
        assertThat(connected.client.videoStatus()).contains(streaming);
        assertThat(connected.client.videoSettings()).contains(SMALL);
    }

    @Test
    void shouldStopTheVideoWithAConfigureWithoutVideo() throws Exception {
        // given
        Connected connected = connect(videoOptions());
        connected.client.configureVideo(SMALL);
        connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class);

        // when
        connected.client.stopVideo().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        assertThat(connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class).getVideo()).isNull();
        assertThat(connected.client.videoSettings()).isEmpty();
    }

    @Test
    void shouldRequestAKeyFrameNamingTheLastFrameReceived() throws Exception {
        // given a client that received frames 0 to 2
        Connected connected = connect(videoOptions());
        connected.client.configureVideo(SMALL);
        for (int number = 0; number < 3; number++) {
            connected.peer.send(frame(number, number == 0, 1));
        }
        inbox.awaitCount(VideoFrame.class, f -> true, 3, WAIT);

        // when
        connected.client.requestKeyFrame().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        Control request = connected.peer.awaitPayload(Channel.CONTROL, Control.class);
        assertThat(request.getCommand()).isEqualTo(new RequestKeyFrame(2L));
    }

    @Test
    void shouldAskForTheSameVideoAgainAfterAReconnectAndForgetTheOldStatus() throws Exception {
        // given a streaming client that reconnects by itself
        Connected connected = connect(videoOptions().withAutoReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)));
        connected.client.configureVideo(SMALL);
        connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class);
        connected.peer.send(new Control(new VideoStatus(VideoState.STREAMING, "vp8", 320, 180, 15, "")));
        inbox.awaitVideoStatus(s -> s.getState() == VideoState.STREAMING, WAIT);

        // when the bridge shuts down and the client connects to the next one
        connected.peer.send(new Control(new Disconnect(DisconnectReason.SERVER_SHUTDOWN, "", 10)));
        connected.peer.sendClose(1001);
        TestBridge.Peer next = bridge.awaitPeer();
        Hello hello = next.awaitPayload(Channel.HELLO, Hello.class);
        next.send(Samples.welcome(ResumeOutcome.FRESH, 0, 60_000, 256 * 1024));

        // then
        assertThat(hello.getHeadless()).isFalse();
        assertThat(hello.getVideoCodecs()).isEqualTo(CODECS);
        assertThat(next.awaitPayload(Channel.CONFIGURE, Configure.class).getVideo()).isEqualTo(SMALL);
        await().atMost(WAIT).until(() -> inbox.all(io.scenelog.livelink.Welcome.class).size() == 2);
        assertThat(connected.client.videoStatus()).isEmpty();
    }

    @Test
    void shouldNotAskForVideoAfterAReconnectOnceStopped() throws Exception {
        // given a client that asked for video, then stopped it
        Connected connected = connect(videoOptions().withAutoReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)));
        connected.client.configureVideo(SMALL);
        connected.client.stopVideo();
        connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class);
        connected.peer.awaitPayload(Channel.CONFIGURE, Configure.class);

        // when
        connected.peer.send(new Control(new Disconnect(DisconnectReason.SERVER_SHUTDOWN, "", 10)));
        connected.peer.sendClose(1001);
        TestBridge.Peer next = bridge.awaitPeer();
        next.awaitPayload(Channel.HELLO, Hello.class);
        next.send(Samples.welcome(ResumeOutcome.FRESH, 0, 60_000, 256 * 1024));
        await().atMost(WAIT).until(() -> inbox.all(io.scenelog.livelink.Welcome.class).size() == 2);
        connected.client.sendRaw(new byte[] {14});

        // then the first message on the new connection is the marker, not a Configure
        assertThat(next.awaitMessage()).containsExactly(14);
    }

    @Test
    void shouldRefuseVideoOnAHeadlessClientWithoutSendingAnything() throws Exception {
        // given
        Connected connected = connect(ClientOptions.defaults().withListener(inbox));

        // when / then
        assertThatThrownBy(() -> connected.client.configureVideo(SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withVideo(false, codecs)");
        assertThatThrownBy(connected.client::requestKeyFrame).isInstanceOf(IllegalStateException.class);
        connected.client.sendRaw(new byte[] {14});
        assertThat(connected.peer.awaitMessage()).containsExactly(14);
    }

    @Test
    void shouldRefuseVideoSettingsOutOfRangeWithoutSendingThem() throws Exception {
        // given
        Connected connected = connect(videoOptions());

        // when / then
        assertThatThrownBy(() -> connected.client.configureVideo(new VideoSettings(0, 180, 15, CODECS, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width and height");
        assertThatThrownBy(() -> connected.client.configureVideo(new VideoSettings(320, 180, 0, CODECS, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFramesPerSecond");
        assertThatThrownBy(() -> connected.client.configureVideo(new VideoSettings(320, 180, 15, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one codec");
        assertThatThrownBy(() -> connected.client.configureVideo(new VideoSettings(320, 180, 15, CODECS, -5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBitrateKbps");
        connected.client.sendRaw(new byte[] {14});
        assertThat(connected.peer.awaitMessage()).containsExactly(14);
        assertThat(connected.client.videoSettings()).isEmpty();
    }

    @Test
    void shouldAnswerAPickWithTheRenderersHit() throws Exception {
        // given
        Connected connected = connect(videoOptions());
        PickHit hit = new PickHit(UUID.randomUUID(), new Vec3(1.0, 0.5, -2.0), 4.25);

        // when
        CompletableFuture<Optional<PickHit>> answer = connected.client.pick(0.25f, 0.75f);
        Query query = connected.peer.awaitPayload(Channel.QUERY, Query.class);
        connected.peer.send(QueryResult.newBuilder().setQueryId(query.getQueryId()).setStatus(QueryStatus.OK)
                .setSceneVersion(3).setPick(hit).build());

        // then
        assertThat(query.getQuery()).isEqualTo(new PickQuery(0.25f, 0.75f));
        assertThat(answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).contains(hit);
    }

    @Test
    void shouldAnswerAPickThatHitNothingWithEmptyAndRefusePointsOutsideTheVideo() throws Exception {
        // given
        Connected connected = connect(videoOptions());

        // when
        CompletableFuture<Optional<PickHit>> answer = connected.client.pick(0.5f, 0.5f);
        Query query = connected.peer.awaitPayload(Channel.QUERY, Query.class);
        connected.peer.send(QueryResult.newBuilder().setQueryId(query.getQueryId()).setStatus(QueryStatus.OK)
                .setSceneVersion(3).build());

        // then
        assertThat(answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        assertThatThrownBy(() -> connected.client.pick(1.5f, 0.5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> connected.client.pick(0.5f, Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    private ClientOptions videoOptions() {
        return ClientOptions.defaults().withVideo(false, CODECS).withListener(inbox)
                .withCloseTimeout(Duration.ofSeconds(2));
    }

    private static VideoFrame frame(long number, boolean key, int dataBytes) {
        return VideoFrame.newBuilder().setFrameNumber(number).setKeyFrame(key).setCodec("vp8").setWidth(320)
                .setHeight(180).setTimestampMicros(number * 66_666).setSceneVersion(7).setCapturedAt(Samples.AT)
                .setRenderMicros(900).setEncodeMicros(1200).setData(ByteBuffer.wrap(new byte[dataBytes])).build();
    }

    private Connected connect(ClientOptions options) throws Exception {
        CompletableFuture<LivelinkClient> connecting = CompletableFuture.supplyAsync(() -> {
            LivelinkClient client = LivelinkClient.connect(bridge.url("s-1"), TOKEN, options);
            clients.add(client);
            return client;
        });
        TestBridge.Peer peer = bridge.awaitPeer();
        peer.awaitPayload(Channel.HELLO, Hello.class);
        peer.send(Samples.welcome());
        try {
            return new Connected(connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), peer);
        } catch (ExecutionException e) {
            throw new AssertionError("The client did not connect", e.getCause());
        }
    }

    private record Connected(LivelinkClient client, TestBridge.Peer peer) {
    }
}
