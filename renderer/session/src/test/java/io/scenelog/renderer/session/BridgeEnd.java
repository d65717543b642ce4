package io.scenelog.renderer.session;

import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Livelink bridge's end of a RenderLink connection, as the end-to-end test drives it: it says Hello with a service
 * token, then a reader thread answers the renderer's pings and sorts what arrives into video frames and the other
 * messages (statuses, query answers), for the test to take with a deadline.
 */
final class BridgeEnd implements AutoCloseable {

    private static final FrameCodec CODEC = new FrameCodec(32 << 20);

    private final Socket socket;
    private final OutputStream out;
    private final Welcome welcome;
    private final BlockingQueue<VideoFrame> video = new LinkedBlockingQueue<>();
    private final BlockingQueue<Frame> messages = new LinkedBlockingQueue<>();
    private volatile Exception failure;

    private BridgeEnd(Socket socket, Welcome welcome) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.welcome = welcome;
    }

    /** Connects to a renderer's frame endpoint and says Hello; fails unless the renderer welcomes it. */
    static BridgeEnd connect(String frameEndpoint, String serviceToken) throws IOException {
        URI endpoint = URI.create(frameEndpoint);
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        InputStream in = new BufferedInputStream(socket.getInputStream());
        RenderLinkStreams.write(socket.getOutputStream(), RenderLinkMessage.ofLink(CODEC.encode(Frame.of(
                Hello.newBuilder().setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION).setToken(serviceToken)
                        .setVideoCodecs(List.of()).build()))));
        socket.getOutputStream().flush();
        Frame answer = decode(RenderLinkStreams.read(in, 1 << 20));
        if (answer.channel() != Channel.WELCOME) {
            socket.close();
            throw new IOException("the renderer did not welcome the bridge: " + answer.payload());
        }
        BridgeEnd bridge = new BridgeEnd(socket, answer.payload(Welcome.class));
        Thread reader = new Thread(() -> bridge.read(in), "e2e-bridge-read");
        reader.setDaemon(true);
        reader.start();
        return bridge;
    }

    Welcome welcome() {
        return welcome;
    }

    /** Sends a Livelink message on behalf of a client. */
    synchronized void send(String clientId, SpecificRecord payload) throws IOException {
        RenderLinkStreams.write(out, new RenderLinkMessage(clientId, CODEC.encode(Frame.of(payload))));
        out.flush();
    }

    /** The next video frame, waiting up to the timeout. */
    VideoFrame nextVideo(Duration timeout) throws Exception {
        VideoFrame frame = video.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new TimeoutException("No video frame within " + timeout + (failure == null ? ""
                    : "; the connection failed: " + failure));
        }
        return frame;
    }

    /** The next message other than video that matches, waiting up to the timeout; others are passed over. */
    Frame awaitMessage(Predicate<Frame> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new TimeoutException("No matching message within " + timeout + (failure == null ? ""
                        : "; the connection failed: " + failure));
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read(InputStream in) {
        try {
            RenderLinkMessage message;
            while ((message = RenderLinkStreams.read(in, 32 << 20)) != null) {
                Frame frame = decode(message);
                if (frame.channel() == Channel.VIDEO) {
                    video.add(frame.payload(VideoFrame.class));
                } else if (frame.channel() == Channel.HEARTBEAT) {
                    Heartbeat ping = frame.payload(Heartbeat.class);
                    if (ping.getKind() == HeartbeatKind.PING) {
                        send("", new Heartbeat(HeartbeatKind.PONG, ping.getSequence(), ping.getPingSentMicros(),
                                Instant.now(), ping.getSceneVersion()));
                    }
                } else {
                    messages.add(frame);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!socket.isClosed()) {
                failure = e;
            }
        }
    }

    private static Frame decode(RenderLinkMessage message) {
        return CODEC.decode(ByteBuffer.wrap(message.frame()), Direction.SERVER_TO_CLIENT);
    }
}
