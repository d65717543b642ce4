package io.scenelog.app.bench.frames;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.model.Role;
import io.scenelog.renderer.link.RenderLinkHandler;
import io.scenelog.renderer.link.RenderLinkServer;
import io.scenelog.renderer.link.RenderLinkSettings;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The send stage over the renderer's real RenderLink server: a bridge-like reader on 127.0.0.1 says Hello with a
 * service token and configures one client, and each frame is timed from the moment the renderer side encodes its
 * Livelink frame and queues it until the reader has read all of it.
 */
final class LinkSend implements AutoCloseable {

    private static final String CLIENT = "bench-viewer";
    private static final FrameCodec CODEC = new FrameCodec(64 << 20);

    private final RenderLinkServer server;
    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong receivedFrame = new AtomicLong(-1);
    private final AtomicLong receivedAtNanos = new AtomicLong();
    private final Object arrivals = new Object();
    private volatile IOException failure;

    private LinkSend(RenderLinkServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Starts the server and connects the reader; the client is configured when this returns. */
    static LinkSend open() {
        TokenKey key = TokenKey.generate();
        UUID sessionId = UUID.randomUUID();
        CountDownLatch configured = new CountDownLatch(1);
        RenderLinkServer server = RenderLinkServer.start(new RenderLinkSettings(sessionId, UUID.randomUUID(),
                "bench-renderer", "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 256, 64L << 20, RenderLinkSettings.DEFAULT_MAX_MESSAGE_BYTES),
                new TokenVerifier(key, Clock.systemUTC()), new ConfiguredLatch(configured), new SimpleMeterRegistry(),
                Clock.systemUTC());
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            socket.setTcpNoDelay(true);
            LinkSend link = new LinkSend(server, socket);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            String token = new TokenIssuer(key, Clock.systemUTC()).issue(TokenClaims.of("bench-bridge", Role.ADMIN)
                    .forSession(sessionId), Duration.ofHours(12));
            link.write("", Hello.newBuilder().setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION).setToken(token)
                    .setVideoCodecs(List.of()).build());
            Frame welcome = decode(RenderLinkStreams.read(in, 1 << 20));
            if (welcome.channel() != Channel.WELCOME) {
                throw new IllegalStateException("the RenderLink server refused the bench's bridge: "
                        + welcome.payload());
            }
            link.write(CLIENT, new Configure(new VideoSettings(16, 16, 30, List.of("vp8"), null)));
            if (!configured.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the RenderLink server did not take the bench client's Configure");
            }
            Thread reader = new Thread(() -> link.read(in), "bench-renderlink-reader");
            reader.setDaemon(true);
            reader.start();
            return link;
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("cannot connect the bench's reader to RenderLink", e);
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one frame and waits until the reader has it.
     *
     * @return nanoseconds from encoding the Livelink frame to the reader having read it
     */
    long send(VideoFrame frame) {
        long started = System.nanoTime();
        byte[] bytes = CODEC.encode(Frame.of(frame));
        if (!server.sendVideo(CLIENT, bytes, frame.getKeyFrame())) {
            throw new IllegalStateException("RenderLink dropped frame " + frame.getFrameNumber()
                    + ": the reader fell behind");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (arrivals) {
            while (receivedFrame.get() < frame.getFrameNumber()) {
                long left = deadline - System.nanoTime();
                if (failure != null || left <= 0) {
                    throw new IllegalStateException("frame " + frame.getFrameNumber() + " never reached the reader"
                            + (failure == null ? "" : ": " + failure.getMessage()), failure);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return receivedAtNanos.get() - started;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // the server closes its end too; nothing is lost
        }
        server.close();
    }

    private void read(InputStream in) {
        try {
            RenderLinkMessage message;
            while ((message = RenderLinkStreams.read(in, 64 << 20)) != null) {
                long now = System.nanoTime();
                Frame frame = decode(message);
                if (frame.channel() == Channel.VIDEO) {
                    synchronized (arrivals) {
                        receivedAtNanos.set(now);
                        receivedFrame.set(frame.payload(VideoFrame.class).getFrameNumber());
                        arrivals.notifyAll();
                    }
                } else if (frame.channel() == Channel.HEARTBEAT
                        && frame.payload(Heartbeat.class).getKind() == HeartbeatKind.PING) {
                    Heartbeat ping = frame.payload(Heartbeat.class);
                    write("", new Heartbeat(HeartbeatKind.PONG, ping.getSequence(), ping.getPingSentMicros(),
                            Instant.now(), 0L));
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                failure = e;
                synchronized (arrivals) {
                    arrivals.notifyAll();
                }
            }
        }
    }

    private synchronized void write(String clientId, org.apache.avro.specific.SpecificRecord payload)
            throws IOException {
        RenderLinkStreams.write(out, new RenderLinkMessage(clientId, CODEC.encode(Frame.of(payload))));
        out.flush();
    }

    private static Frame decode(RenderLinkMessage message) {
        return CODEC.decode(ByteBuffer.wrap(message.frame()), Direction.SERVER_TO_CLIENT);
    }

    /** The renderer side of the bench: it only notes that the client was configured. */
    private record ConfiguredLatch(CountDownLatch configured) implements RenderLinkHandler {

        @Override
        public long sceneVersion() {
            return 1L;
        }

        @Override
        public void configure(String clientId, Configure configure) {
            configured.countDown();
        }

        @Override
        public void input(String clientId, Input input) {
            // the bench sends no input
        }

        @Override
        public CompletionStage<QueryResult> query(String clientId, Query query) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("the bench answers no queries"));
        }

        @Override
        public void requestKeyFrame(String clientId) {
            // every frame is awaited, so nothing is ever dropped and no key frame is asked for
        }

        @Override
        public void released(String clientId) {
            // the bench closes the link at its end
        }
    }
}
