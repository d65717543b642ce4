package io.scenelog.bridge;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Limits;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerification;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.auth.VerifiedToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's renderer as far as RenderLink goes, scripted by a test: a real TCP server on 127.0.0.1 that checks the
 * bridge's Hello (a token of the platform key, admin, good for the session) and answers Welcome or Refusal, answers
 * link pings, keeps every client message it receives, answers Configure with VideoStatus STREAMING and picks with a
 * known entity, and sends VideoFrames with known bytes when the test says so (a key frame first after each Configure
 * and each key-frame request). Every frame it sends is kept, to compare with what clients receive byte for byte.
 */
final class ScriptedRenderer implements AutoCloseable {

    private static final FrameCodec CODEC = new FrameCodec(64 * 1024 * 1024);

    /** A client message the renderer received. */
    record Received(String clientId, Frame frame) {
    }

    private final UUID sceneId;
    private final UUID sessionId;
    private final TokenVerifier verifier;
    private final boolean refuseEveryone;
    private final UUID pickedEntity = UUID.randomUUID();
    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> hellos = new CopyOnWriteArrayList<>();
    private final Map<String, List<byte[]>> sent = new ConcurrentHashMap<>();
    private final Map<String, Boolean> keyFrameDue = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> frameNumbers = new ConcurrentHashMap<>();
    private volatile Socket link;
    private volatile OutputStream out;

    private ScriptedRenderer(UUID sceneId, UUID sessionId, TokenKey key, boolean refuseEveryone) throws IOException {
        this.sceneId = sceneId;
        this.sessionId = sessionId;
        this.verifier = new TokenVerifier(key, Clock.systemUTC());
        this.refuseEveryone = refuseEveryone;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-renderer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A renderer for the session that welcomes a bridge with a good token. */
    static ScriptedRenderer start(UUID sceneId, UUID sessionId, TokenKey key) {
        return start(sceneId, sessionId, key, false);
    }

    /** A renderer that refuses every bridge (UNAUTHORIZED) when {@code refuseEveryone}. */
    static ScriptedRenderer start(UUID sceneId, UUID sessionId, TokenKey key, boolean refuseEveryone) {
        try {
            return new ScriptedRenderer(sceneId, sessionId, key, refuseEveryone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame endpoint to publish, {@code tcp://127.0.0.1:<port>}. */
    String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The entity every pick hits. */
    UUID pickedEntity() {
        return pickedEntity;
    }

    /** How many Hellos arrived (links attempted), welcomed or not. */
    int hellos() {
        return hellos.size();
    }

    /** Whether a bridge is linked now. */
    boolean linked() {
        Socket now = link;
        return now != null && !now.isClosed();
    }

    /** The client messages received so far, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The payloads of a type received for a client. */
    <T> List<T> received(String clientId, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Received each : received) {
            if (each.clientId().equals(clientId) && type.isInstance(each.frame().payload())) {
                found.add(type.cast(each.frame().payload()));
            }
        }
        return found;
    }

    /** The VideoFrame frames sent for a client, as bytes. */
    List<byte[]> sent(String clientId) {
        return List.copyOf(sent.getOrDefault(clientId, List.of()));
    }

    /**
     * Sends video frames to a client over the current link: a key frame when one is due, with {@code size} bytes of
     * data that name the client and the frame.
     */
    void emit(String clientId, int count, int size) {
        for (int i = 0; i < count; i++) {
            long number = frameNumbers.computeIfAbsent(clientId, c -> new AtomicLong()).incrementAndGet();
            boolean key = Boolean.TRUE.equals(keyFrameDue.put(clientId, false));
            byte[] data = new byte[size];
            byte[] label = (clientId + "#" + number).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int at = 0; at < size; at++) {
                data[at] = label[at % label.length];
            }
            byte[] frame = CODEC.encode(Frame.of(VideoFrame.newBuilder().setFrameNumber(number).setKeyFrame(key)
                    .setCodec("vp8").setWidth(320).setHeight(180).setTimestampMicros(number * 33_333)
                    .setSceneVersion(0).setCapturedAt(Instant.now()).setRenderMicros(100).setEncodeMicros(200)
                    .setData(ByteBuffer.wrap(data)).build()));
            sent.computeIfAbsent(clientId, c -> new CopyOnWriteArrayList<>()).add(frame);
            write(clientId, frame);
        }
    }

    /** Drops the link without a goodbye (a crashed renderer) and stops accepting. */
    @Override
    public void close() {
        try {
            server.close();
            Socket now = link;
            if (now != null) {
                now.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> serve(socket), "scripted-renderer-link");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RenderLinkMessage first = RenderLinkStreams.read(in, RenderLinkStreams.DEFAULT_MAX_MESSAGE_BYTES);
            if (first == null || !first.isLink()) {
                return;
            }
            Hello hello = CODEC.decode(ByteBuffer.wrap(first.frame()), Direction.CLIENT_TO_SERVER)
                    .payload(Hello.class);
            hellos.add(hello.getToken());
            OutputStream output = socket.getOutputStream();
            String refusal = refusal(hello.getToken());
            if (refusal != null) {
                synchronized (this) {
                    RenderLinkStreams.write(output, RenderLinkMessage.ofLink(CODEC.encode(Frame.of(Refusal
                            .newBuilder().setReason(RefusalReason.UNAUTHORIZED).setMessage(refusal)
                            .setMinProtocolVersion(1).setProtocolVersion(1).setRetryAfterMillis(null).build()))));
                    output.flush();
                }
                return;
            }
            synchronized (this) {
                link = socket;
                out = output;
                RenderLinkStreams.write(output, RenderLinkMessage.ofLink(CODEC.encode(Frame.of(welcome()))));
                output.flush();
            }
            while (true) {
                RenderLinkMessage message = RenderLinkStreams.read(in, RenderLinkStreams.DEFAULT_MAX_MESSAGE_BYTES);
                if (message == null) {
                    return;
                }
                Frame frame = CODEC.decode(ByteBuffer.wrap(message.frame()), Direction.CLIENT_TO_SERVER);
                if (message.isLink()) {
                    pong(frame);
                } else {
                    received.add(new Received(message.clientId(), frame));
                    answer(message.clientId(), frame);
                }
            }
        } catch (IOException e) {
            // the bridge went away, or the test closed this renderer
        }
    }

    private String refusal(String token) {
        if (refuseEveryone) {
            return "this renderer refuses every bridge";
        }
        TokenVerification verification = verifier.verify(token);
        if (!(verification instanceof TokenVerification.Valid valid)) {
            return "the token does not verify";
        }
        VerifiedToken verified = valid.token();
        if (verified.claims().role() != Role.ADMIN || !verified.claims().allowsSession(sessionId)
                || !verified.claims().allowsScene(sceneId)) {
            return "the token is not an admin token for session " + sessionId;
        }
        return null;
    }

    private void answer(String clientId, Frame frame) {
        if (frame.payload() instanceof Configure configure) {
            VideoSettings video = configure.getVideo();
            if (video != null) {
                keyFrameDue.put(clientId, true);
                write(clientId, CODEC.encode(Frame.of(new Control(VideoStatus.newBuilder()
                        .setState(VideoState.STREAMING).setCodec("vp8").setWidth(video.getWidth())
                        .setHeight(video.getHeight()).setFramesPerSecond(video.getMaxFramesPerSecond())
                        .setMessage("").build()))));
            }
        } else if (frame.payload() instanceof Control control && control.getCommand() instanceof RequestKeyFrame) {
            keyFrameDue.put(clientId, true);
        } else if (frame.payload() instanceof Query query && query.getQuery() instanceof PickQuery) {
            write(clientId, CODEC.encode(Frame.of(QueryResult.newBuilder().setQueryId(query.getQueryId())
                    .setStatus(QueryStatus.OK).setMessage("").setSceneVersion(0).setEntities(List.of()).setPart(0)
                    .setLast(true).setPick(new PickHit(pickedEntity, new Vec3(1.0, 2.0, 3.0), 4.5)).build())));
        }
    }

    private void pong(Frame frame) throws IOException {
        if (frame.payload() instanceof Heartbeat ping && ping.getKind() == HeartbeatKind.PING) {
            synchronized (this) {
                RenderLinkStreams.write(out, RenderLinkMessage.ofLink(CODEC.encode(Frame.of(Heartbeat.newBuilder()
                        .setKind(HeartbeatKind.PONG).setSequence(ping.getSequence())
                        .setPingSentMicros(ping.getPingSentMicros()).setSentAt(Instant.now()).setSceneVersion(null)
                        .build()))));
                out.flush();
            }
        }
    }

    private synchronized void write(String clientId, byte[] frame) {
        try {
            RenderLinkStreams.write(out, new RenderLinkMessage(clientId, frame));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the link to the bridge is gone", e);
        }
    }

    private Welcome welcome() {
        Instant now = Instant.now();
        return Welcome.newBuilder().setProtocolVersion(1).setServerProtocolVersion(1).setSceneId(sceneId)
                .setSessionId(sessionId).setClientId("").setRole(Role.ADMIN).setSessionMode(SessionMode.PERSISTENT)
                .setStartVersion(0).setResume(ResumeOutcome.FRESH).setHeartbeatIntervalMillis(5_000)
                .setHeartbeatTimeoutMillis(15_000).setLimits(new Limits(16 << 20, 1, 1, 1000, 1024, 64L << 20))
                .setTokenExpiresAt(now.plusSeconds(3600)).setServerTime(now).setBridgeId("scripted-renderer")
                .build();
    }
}
