package io.scenelog.bridge.internal.video;

import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.Welcome;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.FrameException;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection from this bridge to a session's renderer (RenderLink): opened with the bridge's Hello and the
 * renderer's Welcome, then a reader thread hands the renderer's client messages to a listener and answers its pings,
 * and a writer thread sends what the bridge queues (so a slow renderer never blocks a client's WebSocket thread). The
 * writer pings when the link is quiet; a link silent for {@link #SILENCE_LIMIT} counts as dead. A full send queue
 * means the renderer stopped reading: the link is closed (the session reconnects and configures its clients again).
 */
final class RenderLink implements AutoCloseable {

    /** How long the writer lets the link stay quiet before it pings. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(5);
    /** How long the link may stay silent before it is given up. */
    static final Duration SILENCE_LIMIT = PING_INTERVAL.multipliedBy(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final int SEND_QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(RenderLink.class);

    /** Told what arrives on the link, on its reader thread. */
    interface Listener {
        /** A message of the renderer's for a client. */
        void message(RenderLinkMessage message);

        /** The link ended (once, on whichever thread noticed); not called after {@link #close()}. */
        void ended(String why);
    }

    private final Socket socket;
    private final FrameCodec codec;
    private final Clock clock;
    private final String name;
    private final BlockingQueue<RenderLinkMessage> outgoing = new ArrayBlockingQueue<>(SEND_QUEUE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Listener listener;
    private long pingSequence;

    private RenderLink(Socket socket, FrameCodec codec, Clock clock, String name, Listener listener) {
        this.socket = socket;
        this.codec = codec;
        this.clock = clock;
        this.name = name;
        this.listener = listener;
    }

    /**
     * Connects, sends the Hello and waits for the renderer's answer; on a Welcome, starts the link's threads.
     *
     * @param hello the bridge's Hello frame (its service token inside)
     * @throws IOException           when the renderer cannot be reached or does not answer properly
     * @throws LinkRefusedException  when it answers with a Refusal
     */
    static RenderLink open(InetSocketAddress address, byte[] hello, FrameCodec codec, Clock clock, String name,
            Listener listener) throws IOException, LinkRefusedException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            RenderLinkStreams.write(out, RenderLinkMessage.ofLink(hello));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Frame answer = awaitAnswer(in, codec);
            if (answer.payload() instanceof Refusal refusal) {
                throw new LinkRefusedException(refusal);
            }
            socket.setSoTimeout((int) SILENCE_LIMIT.toMillis());
            RenderLink link = new RenderLink(socket, codec, clock, name, listener);
            link.start(in);
            return link;
        } catch (IOException | LinkRefusedException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Parses a frame endpoint, {@code tcp://host:port}. */
    static InetSocketAddress address(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the frame endpoint '" + endpoint + "' is not tcp://host:port", e);
        }
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the frame endpoint '" + endpoint + "' is not tcp://host:port");
        }
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    /**
     * Queues a message for the renderer.
     *
     * @return false when the link is closed, or its queue is full (the renderer stopped reading: the link ends)
     */
    boolean send(RenderLinkMessage message) {
        if (closed.get()) {
            return false;
        }
        if (!outgoing.offer(message)) {
            end("the renderer did not read " + SEND_QUEUE + " messages");
            return false;
        }
        return true;
    }

    /** Closes the link without telling the listener. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeSocket();
        }
    }

    private static Frame awaitAnswer(InputStream in, FrameCodec codec) throws IOException {
        RenderLinkMessage first;
        try {
            first = RenderLinkStreams.read(in, RenderLinkStreams.DEFAULT_MAX_MESSAGE_BYTES);
        } catch (SocketTimeoutException e) {
            throw new IOException("the renderer did not answer the hello within " + HANDSHAKE_TIMEOUT, e);
        }
        if (first == null) {
            throw new IOException("the renderer closed the link without answering the hello");
        }
        Frame answer;
        try {
            answer = codec.decode(ByteBuffer.wrap(first.frame()), Direction.SERVER_TO_CLIENT);
        } catch (FrameException e) {
            throw new IOException("the renderer's answer to the hello does not decode: " + e.getMessage(), e);
        }
        if (!first.isLink() || !(answer.payload() instanceof Welcome) && !(answer.payload() instanceof Refusal)) {
            throw new IOException("the renderer answered the hello with a " + answer.channel().channelName()
                    + " frame" + (first.isLink() ? "" : " for client " + first.clientId()));
        }
        return answer;
    }

    private void start(InputStream in) {
        Thread reader = new Thread(() -> read(in), "scenelog-renderlink-read-" + name);
        Thread writer = new Thread(this::write, "scenelog-renderlink-write-" + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void read(InputStream in) {
        try {
            while (!closed.get()) {
                RenderLinkMessage message = RenderLinkStreams.read(in, RenderLinkStreams.DEFAULT_MAX_MESSAGE_BYTES);
                if (message == null) {
                    end("the renderer closed the link");
                    return;
                }
                if (message.isLink()) {
                    onLinkMessage(message);
                } else {
                    listener.message(message);
                }
            }
        } catch (SocketTimeoutException e) {
            end("nothing heard from the renderer for " + SILENCE_LIMIT);
        } catch (IOException e) {
            end("reading from the renderer failed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Relaying the renderer's messages on link {} failed.", name, e);
            end("relaying the renderer's messages failed: " + e);
        }
    }

    private void onLinkMessage(RenderLinkMessage message) {
        Frame frame;
        try {
            frame = codec.decode(ByteBuffer.wrap(message.frame()), Direction.SERVER_TO_CLIENT);
        } catch (FrameException e) {
            LOG.warn("Ignoring an undecodable link message from the renderer on link {}: {}", name, e.getMessage());
            return;
        }
        if (frame.payload() instanceof Heartbeat ping && ping.getKind() == HeartbeatKind.PING) {
            send(RenderLinkMessage.ofLink(codec.encode(Frame.of(Heartbeat.newBuilder().setKind(HeartbeatKind.PONG)
                    .setSequence(ping.getSequence()).setPingSentMicros(ping.getPingSentMicros())
                    .setSentAt(clock.instant()).setSceneVersion(null).build()))));
        }
        // A PONG, or anything else about the link: that it arrived is all that counts (the read timeout).
    }

    private void write() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (!closed.get()) {
                RenderLinkMessage next = outgoing.poll(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (closed.get()) {
                    return;
                }
                if (next == null) {
                    next = ping();
                }
                RenderLinkStreams.write(out, next);
                if (outgoing.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            end("writing to the renderer failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("the link's writer was interrupted");
        }
    }

    private RenderLinkMessage ping() {
        return RenderLinkMessage.ofLink(codec.encode(Frame.of(Heartbeat.newBuilder().setKind(HeartbeatKind.PING)
                .setSequence(++pingSequence).setPingSentMicros(System.nanoTime() / 1_000)
                .setSentAt(clock.instant()).setSceneVersion(null).build())));
    }

    private void end(String why) {
        if (closed.compareAndSet(false, true)) {
            closeSocket();
            listener.ended(why);
        }
    }

    private void closeSocket() {
        outgoing.clear();
        // Wakes the writer from its poll with nothing: it sees the flag and stops.
        outgoing.offer(RenderLinkMessage.ofLink(new byte[] {(byte) Channel.HEARTBEAT.id()}));
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing link {}: {}", name, e.toString());
        }
    }
}
