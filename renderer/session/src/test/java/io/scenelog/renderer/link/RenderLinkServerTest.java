package io.scenelog.renderer.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.Role;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderLinkServerTest {

    private static final int QUEUE_FRAMES = 8;

    private final TokenKey key = TokenKey.generate();
    private final UUID sessionId = UUID.randomUUID();
    private final UUID sceneId = UUID.randomUUID();
    private final RecordingHandler handler = new RecordingHandler();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private RenderLinkServer server;

    @BeforeEach
    void start() {
        server = RenderLinkServer.start(new RenderLinkSettings(sessionId, sceneId, "renderer-test", "127.0.0.1", 0,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), QUEUE_FRAMES, 256 * 1024,
                RenderLinkSettings.DEFAULT_MAX_MESSAGE_BYTES), new TokenVerifier(key, Clock.systemUTC()), handler,
                metrics, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token(TokenClaims claims) {
        return new TokenIssuer(key, Clock.systemUTC()).issue(claims, Duration.ofHours(1));
    }

    private String serviceToken() {
        return token(TokenClaims.of("bridge-1", Role.ADMIN).forSession(sessionId));
    }

    private TestBridge welcomed(String token) throws IOException {
        TestBridge bridge = TestBridge.connect(server.port());
        bridge.send("", TestBridge.hello(token));
        Frame answer = bridge.readFrame();
        assertThat(answer.channel()).isEqualTo(Channel.WELCOME);
        return bridge;
    }

    private static Configure video(int width, int height) {
        return new Configure(new VideoSettings(width, height, 30, List.of("vp8"), null));
    }

    private static byte[] videoFrame(int bytes, boolean keyFrame) {
        return TestBridge.CODEC.encode(Frame.of(VideoFrame.newBuilder().setFrameNumber(1).setKeyFrame(keyFrame)
                .setCodec("vp8").setWidth(320).setHeight(180).setTimestampMicros(0).setSceneVersion(42)
                .setCapturedAt(Instant.now()).setRenderMicros(1).setEncodeMicros(1)
                .setData(ByteBuffer.wrap(new byte[bytes])).build()));
    }

    @Test
    void shouldWelcomeABridgeWithAnAdminServiceTokenForTheSession() throws IOException {
        // given
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            // when
            bridge.send("", TestBridge.hello(serviceToken()));

            // then
            Welcome welcome = bridge.readFrame().payload(Welcome.class);
            assertThat(welcome.getSessionId()).isEqualTo(sessionId);
            assertThat(welcome.getSceneId()).isEqualTo(sceneId);
            assertThat(welcome.getClientId()).isEqualTo("bridge-1");
            assertThat(welcome.getStartVersion()).isEqualTo(42L);
            assertThat(welcome.getBridgeId()).isEqualTo("renderer-test");
        }
    }

    @Test
    void shouldWelcomeAnUnscopedAdminToken() throws IOException {
        try (TestBridge bridge = welcomed(token(TokenClaims.of("bridge-2", Role.ADMIN)))) {
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnEditorTokenAndClose() throws IOException {
        // given
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            // when
            bridge.send("", TestBridge.hello(token(TokenClaims.of("someone", Role.EDITOR).forSession(sessionId))));

            // then
            Refusal refusal = bridge.readFrame().payload(Refusal.class);
            assertThat(refusal.getReason()).isEqualTo(RefusalReason.FORBIDDEN);
            assertThat(refusal.getMessage()).contains("admin service token").contains(sessionId.toString());
            assertThat(bridge.read()).isNull();
        }
    }

    @Test
    void shouldRefuseAnAdminTokenForAnotherSession() throws IOException {
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            bridge.send("", TestBridge.hello(token(TokenClaims.of("b", Role.ADMIN).forSession(UUID.randomUUID()))));

            assertThat(bridge.readFrame().payload(Refusal.class).getReason()).isEqualTo(RefusalReason.FORBIDDEN);
        }
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws IOException {
        // given
        String forged = new TokenIssuer(TokenKey.generate(), Clock.systemUTC())
                .issue(TokenClaims.of("bridge-1", Role.ADMIN), Duration.ofHours(1));
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            // when
            bridge.send("", TestBridge.hello(forged));

            // then
            assertThat(bridge.readFrame().payload(Refusal.class).getReason()).isEqualTo(RefusalReason.UNAUTHORIZED);
            assertThat(bridge.read()).isNull();
        }
    }

    @Test
    void shouldRefuseAClientMessageBeforeTheHello() throws IOException {
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            bridge.send("client-1", video(320, 180));

            Refusal refusal = bridge.readFrame().payload(Refusal.class);
            assertThat(refusal.getReason()).isEqualTo(RefusalReason.PROTOCOL_ERROR);
            assertThat(refusal.getMessage()).contains("Hello");
            assertThat(handler.events).isEmpty();
        }
    }

    @Test
    void shouldRefuseBytesThatAreNoLivelinkFrame() throws IOException {
        try (TestBridge bridge = TestBridge.connect(server.port())) {
            bridge.sendRaw(RenderLinkMessage.ofLink(new byte[] {(byte) 200, 1, 2}));

            assertThat(bridge.readFrame().payload(Refusal.class).getReason())
                    .isEqualTo(RefusalReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldHandClientMessagesToTheRenderer() throws IOException {
        try (TestBridge bridge = welcomed(serviceToken())) {
            // when
            bridge.send("client-1", video(320, 180));
            bridge.send("client-1", new Control(new RequestKeyFrame(null)));
            bridge.send("client-1", new Query(7L, new PickQuery(0.5f, 0.5f)));

            // then
            QueryResult result = bridge.readFrame().payload(QueryResult.class);
            assertThat(result.getQueryId()).isEqualTo(7L);
            assertThat(handler.events).containsExactly("configure client-1 320x180", "key-frame client-1",
                    "query client-1 7");
        }
    }

    @Test
    void shouldAnswerAPingWithAPong() throws IOException {
        try (TestBridge bridge = welcomed(serviceToken())) {
            bridge.send("", new Heartbeat(HeartbeatKind.PING, 5L, 123L, Instant.now(), null));

            Heartbeat pong = bridge.readFrame().payload(Heartbeat.class);
            assertThat(pong.getKind()).isEqualTo(HeartbeatKind.PONG);
            assertThat(pong.getSequence()).isEqualTo(5L);
            assertThat(pong.getSceneVersion()).isEqualTo(42L);
        }
    }

    @Test
    void shouldRouteAClientToTheBridgeThatConfiguredItLast() throws IOException {
        try (TestBridge first = welcomed(serviceToken()); TestBridge second = welcomed(serviceToken())) {
            // given
            first.send("client-1", video(320, 180));
            await().until(() -> handler.events.contains("configure client-1 320x180"));
            second.send("client-1", video(640, 360));
            await().until(() -> handler.events.contains("configure client-1 640x360"));

            // when
            boolean queued = server.send("client-1", new Control(VideoStatus.newBuilder()
                    .setState(VideoState.STARTING).build()));

            // then
            assertThat(queued).isTrue();
            RenderLinkMessage message = second.read();
            assertThat(message.clientId()).isEqualTo("client-1");
            first.close();
            second.send("", new Heartbeat(HeartbeatKind.PING, 1L, 1L, Instant.now(), null));
            assertThat(second.readFrame().channel()).isEqualTo(Channel.HEARTBEAT);
            assertThat(handler.events).doesNotContain("released client-1");
        }
    }

    @Test
    void shouldReleaseTheClientsOfAClosedBridge() throws IOException {
        // given
        TestBridge bridge = welcomed(serviceToken());
        bridge.send("client-1", video(320, 180));
        await().until(() -> handler.events.contains("configure client-1 320x180"));

        // when
        bridge.close();

        // then
        await().until(() -> handler.events.contains("released client-1"));
        assertThat(server.sendVideo("client-1", videoFrame(10, true), true)).isFalse();
    }

    @Test
    void shouldDropVideoForASlowBridgeAndAskAKeyFrameOnceItCaughtUp() throws IOException {
        try (TestBridge bridge = TestBridge.connectSlow(server.port())) {
            // given: a bridge that configured a client and then reads nothing
            bridge.send("", TestBridge.hello(serviceToken()));
            assertThat(bridge.readFrame().channel()).isEqualTo(Channel.WELCOME);
            bridge.send("client-1", video(320, 180));
            await().until(() -> handler.events.contains("configure client-1 320x180"));
            byte[] frame = videoFrame(32 * 1024, false);

            // when: the renderer keeps producing frames
            int queued = 0;
            int offered = 0;
            while (offered < 10_000 && server.sendVideo("client-1", frame, false)) {
                queued++;
                offered++;
            }

            // then: frames were dropped rather than queued without bound, and without blocking the sender
            assertThat(offered).isLessThan(10_000);
            assertThat(metrics.counter("renderlink.video.dropped").count()).isPositive();
            assertThat(server.sendVideo("client-1", frame, false)).as("no delta frame after a drop").isFalse();

            // when: the bridge reads again
            int received = 0;
            while (!handler.events.contains("key-frame client-1")) {
                RenderLinkMessage message = bridge.read();
                assertThat(message).isNotNull();
                received++;
            }

            // then: it got what was queued, the renderer was asked for a key frame, which goes out again
            assertThat(received).isLessThanOrEqualTo(queued);
            assertThat(server.sendVideo("client-1", videoFrame(1024, true), true)).isTrue();
            assertThat(server.sendVideo("client-1", frame, false)).isTrue();
        }
    }

    @Test
    void shouldCountOnlyWelcomedBridgesAsConnections() throws IOException {
        // given: a connection that has not said Hello yet, then a bridge past its Hello (connections are accepted
        // one after the other, so once the second is welcome the first is accepted too)
        try (TestBridge silent = TestBridge.connect(server.port());
             TestBridge welcome = welcomed(serviceToken())) {
            // then
            assertThat(server.connections()).isEqualTo(1);
            assertThat(metrics.get("renderlink.connections").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void shouldReportTheSendQueueDepthOfABridgeThatDoesNotRead() throws IOException {
        try (TestBridge bridge = TestBridge.connectSlow(server.port())) {
            // given: a bridge that configured a client and then reads nothing
            bridge.send("", TestBridge.hello(serviceToken()));
            assertThat(bridge.readFrame().channel()).isEqualTo(Channel.WELCOME);
            bridge.send("client-1", video(320, 180));
            await().until(() -> handler.events.contains("configure client-1 320x180"));

            // when: frames keep coming (key frames: never held back for a key frame) until the queue stays full; the
            // socket's buffers take some first, and until they are full the writer keeps emptying the queue
            byte[] frame = videoFrame(16 * 1024, true);
            double fullBytes = (double) QUEUE_FRAMES * frame.length;
            boolean full = false;
            for (int offered = 0; offered < 100_000 && !full; offered++) {
                server.sendVideo("client-1", frame, true);
                full = queueDepth() == QUEUE_FRAMES && queueBytes() == fullBytes;
            }

            // then: the gauges showed the queue at its bound, and never beyond it
            assertThat(full).as("the gauges showed %s frames of %s bytes waiting", QUEUE_FRAMES, frame.length)
                    .isTrue();
            server.sendVideo("client-1", frame, true);
            assertThat(queueDepth()).isLessThanOrEqualTo(QUEUE_FRAMES);

            // when: the bridge reads again, the queue drains
            while (queueDepth() > 0) {
                assertThat(bridge.read()).isNotNull();
            }
            assertThat(queueBytes()).isZero();
        }
    }

    private double queueDepth() {
        return metrics.get("renderlink.send.queue").gauge().value();
    }

    private double queueBytes() {
        return metrics.get("renderlink.send.queue.bytes").gauge().value();
    }
}
