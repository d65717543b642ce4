package io.scenelog.renderer.link.internal;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameException;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bridge's connection: a reader thread (the Hello, then the bridge's messages), a writer thread draining the
 * connection's {@link SendQueue}, and a heartbeat. Whatever goes wrong ends this connection only.
 */
final class LinkConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);
    private static final int WRITE_BATCH = 64;

    private final Socket socket;
    private final String name;
    private final LinkContext context;
    private final SendQueue queue;
    private final Consumer<LinkConnection> onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong pingSequence = new AtomicLong();
    private volatile ScheduledFuture<?> heartbeat;
    private final Object writeLock = new Object();
    private volatile String bridge = "(not authenticated)";
    private volatile boolean welcomed;

    LinkConnection(Socket socket, String name, LinkContext context, Consumer<LinkConnection> onClosed) {
        this.socket = socket;
        this.name = name;
        this.context = context;
        this.queue = new SendQueue(context.settings().sendQueueFrames(), context.settings().sendQueueBytes());
        this.onClosed = onClosed;
    }

    /** Starts the reader thread; the writer starts once the bridge is welcome. */
    void start() {
        Thread reader = new Thread(this::read, name + "-read");
        reader.setDaemon(true);
        reader.start();
    }

    /** Queues a video frame for a client unless this bridge is behind. */
    boolean sendVideo(String clientId, byte[] frame, boolean keyFrame) {
        boolean queued = queue.offerVideo(new RenderLinkMessage(clientId, frame), keyFrame);
        if (!queued) {
            context.dropped().increment();
        }
        return queued;
    }

    /** Queues a message that must arrive (status, answers); a bridge that stopped reading is disconnected. */
    void send(String clientId, SpecificRecord payload) {
        if (!queue.offer(new RenderLinkMessage(clientId, context.codec().encode(Frame.of(payload))))
                && !closed.get()) {
            LOG.warn("Bridge {} on {} stopped reading ({} messages, {} bytes waiting): closing its connection.",
                    bridge, name, queue.size(), queue.bytes());
            close();
        }
    }

    /** Stops caring about a client whose stream moved to another connection. */
    void forget(String clientId) {
        queue.forget(clientId);
    }

    /** Whether the bridge's Hello was accepted (and the connection not closed since). */
    boolean welcome() {
        return welcomed && !closed.get();
    }

    /** Messages waiting to be written to the bridge. */
    int queuedMessages() {
        return queue.size();
    }

    /** Bytes waiting to be written to the bridge. */
    long queuedBytes() {
        return queue.bytes();
    }

    /** Video frames dropped on this connection so far. */
    long dropped() {
        return queue.dropped();
    }

    @Override
    public String toString() {
        return name + " (" + bridge + ")";
    }

    /** Closes the socket; the reader and writer end, and the connection's clients are released. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> ping = heartbeat;
        if (ping != null) {
            ping.cancel(false);
        }
        queue.close();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed; it is closed anyway.", name, e);
        }
        onClosed.accept(this);
    }

    private void read() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout((int) context.settings().helloTimeout().toMillis());
            if (!handshake(in)) {
                return;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, context.settings().heartbeatTimeout().toMillis()));
            RenderLinkMessage message;
            while ((message = RenderLinkStreams.read(in, context.settings().maxMessageBytes())) != null) {
                dispatch(message);
            }
            LOG.info("Bridge {} closed its connection {}.", bridge, name);
        } catch (SocketTimeoutException e) {
            LOG.warn("Bridge {} on {} was silent for {}: closing its connection.", bridge, name,
                    context.settings().heartbeatTimeout());
        } catch (FrameException | IOException e) {
            if (!closed.get()) {
                LOG.warn("Connection {} of bridge {} failed: {}", name, bridge, e.getMessage());
                sendNow(new Control(new Disconnect(DisconnectReason.PROTOCOL_ERROR, String.valueOf(e.getMessage()),
                        null)));
            }
        } catch (RuntimeException e) {
            LOG.error("Connection {} of bridge {} failed unexpectedly.", name, bridge, e);
        } finally {
            close();
        }
    }

    private boolean handshake(InputStream in) throws IOException {
        RenderLinkMessage first;
        try {
            first = RenderLinkStreams.read(in, context.settings().maxMessageBytes());
        } catch (SocketTimeoutException e) {
            refuse(context.handshake().helloTimeout(context.settings().helloTimeout()));
            return false;
        }
        if (first == null) {
            return false;
        }
        SpecificRecord answer;
        try {
            Frame frame = context.codec().decode(ByteBuffer.wrap(first.frame()), Direction.CLIENT_TO_SERVER);
            if (!first.isLink() || frame.channel() != Channel.HELLO) {
                answer = context.handshake().protocolError("the first message must be the link's Hello (empty "
                        + "client id), got " + frame.channel().channelName() + " for '" + first.clientId() + "'");
            } else {
                answer = context.handshake().answer(frame.payload(Hello.class), context.handler().sceneVersion());
            }
        } catch (FrameException e) {
            answer = context.handshake().protocolError("the first message is no Livelink Hello: " + e.getMessage());
        }
        if (!(answer instanceof Welcome welcome)) {
            refuse(answer);
            return false;
        }
        bridge = welcome.getClientId();
        // counted as connected before the Welcome goes out: a bridge that read it sees itself counted
        welcomed = true;
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        RenderLinkStreams.write(out, RenderLinkMessage.ofLink(context.codec().encode(Frame.of(welcome))));
        out.flush();
        Thread writer = new Thread(() -> write(out), name + "-write");
        writer.setDaemon(true);
        writer.start();
        long interval = context.settings().heartbeatInterval().toMillis();
        heartbeat = context.heartbeats().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Bridge {} connected on {} from {}.", bridge, name, socket.getRemoteSocketAddress());
        return true;
    }

    private void refuse(SpecificRecord refusal) {
        context.refused().increment();
        LOG.warn("Refused connection {} from {}: {}", name, socket.getRemoteSocketAddress(), refusal);
        sendNow(refusal);
    }

    /** Writes one link message straight to the socket, before the writer runs or instead of it (on the way out). */
    private void sendNow(SpecificRecord payload) {
        try {
            synchronized (writeLock) {
                OutputStream out = socket.getOutputStream();
                RenderLinkStreams.write(out, RenderLinkMessage.ofLink(context.codec().encode(Frame.of(payload))));
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("Could not tell {} why it is closed: {}", name, e.getMessage());
        }
    }

    private void dispatch(RenderLinkMessage message) {
        Frame frame = context.codec().decode(ByteBuffer.wrap(message.frame()), Direction.CLIENT_TO_SERVER);
        if (message.isLink()) {
            if (frame.channel() != Channel.HEARTBEAT) {
                throw new FrameException(FrameException.Reason.MALFORMED_PAYLOAD, frame.channel(),
                        "a link message (empty client id) after the Hello must be a heartbeat, got "
                                + frame.channel().channelName(), null);
            }
            Heartbeat beat = frame.payload(Heartbeat.class);
            if (beat.getKind() == HeartbeatKind.PING) {
                send("", new Heartbeat(HeartbeatKind.PONG, beat.getSequence(), beat.getPingSentMicros(),
                        context.clock().instant(), context.handler().sceneVersion()));
            }
            return;
        }
        String client = message.clientId();
        switch (frame.channel()) {
            case CONFIGURE -> {
                context.routes().claim(client, this).ifPresent(previous -> previous.forget(client));
                context.handler().configure(client, frame.payload(Configure.class));
            }
            case INPUT -> context.handler().input(client, frame.payload(Input.class));
            case QUERY -> query(client, frame.payload(Query.class));
            case CONTROL -> control(client, frame.payload(Control.class));
            default -> throw new FrameException(FrameException.Reason.MALFORMED_PAYLOAD, frame.channel(),
                    "a renderer takes configure, input, query and control frames for a client, got "
                            + frame.channel().channelName() + " for " + client, null);
        }
    }

    private void query(String client, Query query) {
        context.handler().query(client, query).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Query {} of client {} failed.", query.getQueryId(), client, failure);
                result = QueryResult.newBuilder().setQueryId(query.getQueryId()).setStatus(QueryStatus.UNAVAILABLE)
                        .setMessage("the renderer could not answer: " + failure.getMessage())
                        .setSceneVersion(context.handler().sceneVersion()).build();
            }
            send(client, result);
        });
    }

    private void control(String client, Control control) {
        if (control.getCommand() instanceof RequestKeyFrame) {
            context.handler().requestKeyFrame(client);
        } else {
            throw new FrameException(FrameException.Reason.MALFORMED_PAYLOAD, Channel.CONTROL,
                    "a bridge sends a renderer only RequestKeyFrame controls, got "
                            + control.getCommand().getClass().getSimpleName() + " for " + client, null);
        }
    }

    private void ping() {
        long now = context.clock().millis();
        send("", new Heartbeat(HeartbeatKind.PING, pingSequence.incrementAndGet(), now * 1000L,
                context.clock().instant(), context.handler().sceneVersion()));
    }

    private void write(OutputStream out) {
        try {
            while (!closed.get()) {
                List<RenderLinkMessage> batch = queue.take(WRITE_BATCH, 1, TimeUnit.SECONDS);
                synchronized (writeLock) {
                    for (RenderLinkMessage message : batch) {
                        RenderLinkStreams.write(out, message);
                    }
                    out.flush();
                }
                for (String client : queue.keyFramesDue()) {
                    LOG.info("Bridge {} caught up: asking a key frame for client {} whose video was dropped.",
                            bridge, client);
                    context.handler().requestKeyFrame(client);
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.warn("Writing to bridge {} on {} failed: {}", bridge, name, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}
