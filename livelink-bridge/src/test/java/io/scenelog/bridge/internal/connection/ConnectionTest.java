package io.scenelog.bridge.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.bridge.BridgeLimits;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.VideoLimits;
import io.scenelog.bridge.internal.video.VideoRouter;
import io.scenelog.bridge.internal.BridgeMetrics;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's rules that need no platform around it: what a client may send while its Hello waits for a
 * handshake thread (all of them busy here).
 */
class ConnectionTest {

    private static final int MAX_FRAME = 64 * 1024;

    private final CountDownLatch handshakesBusy = new CountDownLatch(1);
    private final ThreadPoolExecutor handshakes = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>());
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final FrameCodec codec = new FrameCodec(MAX_FRAME);
    private final RecordingTransport transport = new RecordingTransport();

    @AfterEach
    void stop() {
        handshakesBusy.countDown();
        handshakes.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void shouldRefuseAClientThatSendsMoreThanTwoFullFramesBeforeItsWelcome() {
        // given: a Hello waiting for a handshake thread
        Connection connection = connection();
        connection.opened();
        connection.onBinary(frame(Hello.newBuilder().setProtocolVersion(1).setMinProtocolVersion(1)
                .setToken("t").setHeadless(true).setVideoCodecs(List.of()).setResumeFromVersion(null)
                .setDisplayName("").setClientSoftware("test").build()));

        // when: three nearly full frames follow
        for (int i = 0; i < 3; i++) {
            connection.onBinary(frame(nearlyFullAction()));
        }

        // then: the third is refused rather than held (each waiting socket would hold 64 of them)
        assertThat(transport.sent).hasSize(1);
        Refusal refusal = codec.decode(ByteBuffer.wrap(transport.sent.get(0)), Direction.SERVER_TO_CLIENT)
                .payload(Refusal.class);
        assertThat(refusal.getReason()).isEqualTo(RefusalReason.PROTOCOL_ERROR);
        assertThat(refusal.getMessage()).contains("bytes before the welcome");
    }

    private Connection connection() {
        handshakes.execute(() -> {
            try {
                handshakesBusy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TokenKey key = TokenKey.generate();
        BridgeSettings settings = BridgeSettings.builder("127.0.0.1:9", "http://127.0.0.1:9", key)
                .limits(BridgeLimits.defaults().withMaxFrameBytes(MAX_FRAME))
                .helloTimeout(Duration.ofMinutes(1))
                .build();
        ConnectionServices services = new ConnectionServices(settings, codec,
                new TokenVerifier(key, Clock.systemUTC()), new TokenIssuer(key, Clock.systemUTC()), null, null, null,
                null, null, null, new ConnectionRegistry(), timers, handshakes, null,
                new BridgeMetrics(() -> 0, () -> 0, () -> 0), new AtomicLong(), Clock.systemUTC(),
                new VideoRouter(codec, new TokenIssuer(key, Clock.systemUTC()), "test", VideoLimits.defaults(),
                        timers, session -> Optional.empty(), Clock.systemUTC()));
        return new Connection(services, transport, Optional.empty());
    }

    private SceneAction nearlyFullAction() {
        return SceneAction.newBuilder().setActionId(UUID.randomUUID()).setSceneId(UUID.randomUUID())
                .setSessionId(UUID.randomUUID()).setClientId("c").setToken("").setClientSeq(0)
                .setSentAt(Instant.EPOCH).setPersist(true)
                .setOperations(List.of(new CreateEntity(UUID.randomUUID(), Components.newBuilder()
                        .setName("x".repeat(MAX_FRAME - 1024)).build())))
                .build();
    }

    private ByteBuffer frame(SpecificRecord payload) {
        return ByteBuffer.wrap(codec.encode(Frame.of(payload)));
    }

    /** Keeps what the connection sends; every send completes at once. */
    private static final class RecordingTransport implements Transport {
        final List<byte[]> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(byte[] message, SendCallback callback) {
            sent.add(message);
            callback.sent();
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }

        @Override
        public String remote() {
            return "test";
        }
    }
}
