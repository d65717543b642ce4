package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.client.LivelinkConnectionException;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.livelink.client.LivelinkTimeoutException;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.FrameException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to a Livelink bridge: reassembles binary messages into frames, decodes them (server to
 * client), hands each to its {@link Handler} in order, and reads the next message only when the handler
 * returned (WebSocket flow control: one message requested at a time). Sends go out one after another,
 * since the JDK WebSocket allows one outstanding send. The handler hears exactly once that the
 * connection ended, whatever ended it.
 */
final class Connection implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /** Receives a connection's frames and its end, on the WebSocket's receiving thread. */
    interface Handler {
        /** One decoded frame from the bridge. */
        void onFrame(Connection connection, Frame frame);

        /** The connection ended; called once. */
        void onEnded(Connection connection, Ending ending);
    }

    /**
     * How a connection ended.
     *
     * @param closeStatus the WebSocket close status received, or -1 when the connection ended without one
     * @param closeReason the close reason received, or empty
     * @param error the failure (a protocol violation, an I/O error, a local timeout), or null
     */
    record Ending(int closeStatus, String closeReason, Throwable error) {
        String describe() {
            if (error != null) {
                return error.getMessage();
            }
            return "WebSocket closed with status " + closeStatus + (closeReason.isEmpty() ? "" : " (" + closeReason
                    + ")");
        }
    }

    private final URI url;
    private final FrameCodec codec;
    private final FrameAssembler assembler;
    private final Handler handler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Ending> endedFuture = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private volatile WebSocket webSocket;
    private volatile long lastReceivedNanos = System.nanoTime();
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);

    private Connection(URI url, FrameCodec codec, int maxInboundFrameBytes, Handler handler) {
        this.url = url;
        this.codec = codec;
        this.assembler = new FrameAssembler(maxInboundFrameBytes);
        this.handler = handler;
    }

    /**
     * Opens a WebSocket to {@code url}.
     *
     * @return completes with the open connection; fails with {@link LivelinkConnectionException} (refused
     *     upgrade, unreachable) or {@link LivelinkTimeoutException}
     */
    static CompletableFuture<Connection> open(HttpClient http, URI url, String origin, Duration connectTimeout,
            FrameCodec codec, int maxInboundFrameBytes, Handler handler) {
        Connection connection = new Connection(url, codec, maxInboundFrameBytes, handler);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        builder.buildAsync(url, connection).whenComplete((ws, failure) -> {
            if (failure == null) {
                connection.webSocket = ws;
                opened.complete(connection);
            } else {
                opened.completeExceptionally(openFailure(url, connectTimeout, unwrap(failure)));
            }
        });
        // The JDK bounds the TCP connect with connectTimeout, not the whole upgrade: bound that too.
        return opened.orTimeout(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof java.util.concurrent.TimeoutException) {
                        throw new CompletionException(new LivelinkTimeoutException("The WebSocket upgrade to "
                                + url + " took longer than " + connectTimeout.toMillis() * 2 + " ms"));
                    }
                    throw new CompletionException(cause);
                });
    }

    /** The bridge URL. */
    URI url() {
        return url;
    }

    /** When the last message from the bridge arrived, by {@link System#nanoTime()}. */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Completes when the connection ended. */
    CompletableFuture<Ending> ended() {
        return endedFuture;
    }

    /** Whether the connection ended. */
    boolean isEnded() {
        return ended.get();
    }

    /** Sends a frame. */
    CompletableFuture<Void> send(Frame frame) {
        return send(codec.encode(frame));
    }

    /**
     * Sends one binary message after those sent before it.
     *
     * @return completes when the message was handed to the network; fails when the connection is gone
     */
    CompletableFuture<Void> send(byte[] message) {
        CompletableFuture<Void> next;
        synchronized (sendLock) {
            next = lastSend
                    .handle((ignored, failure) -> null)
                    .thenCompose(ignored -> webSocket.sendBinary(ByteBuffer.wrap(message), true))
                    .thenApply(ignored -> null);
            lastSend = next;
        }
        // A failed send means the connection is gone, even when the JDK has not said so on the receiving side: on
        // JDK 17 the WebSocket sometimes never reports a TCP close (the socket sits in CLOSE_WAIT), and a write is
        // then the first thing to notice.
        next.whenComplete((ignored, failure) -> {
            if (failure != null && !ended.get()) {
                abort(new LivelinkConnectionException("Sending to the Livelink bridge at " + url + " failed: "
                        + unwrap(failure), -1, unwrap(failure)));
            }
        });
        return next;
    }

    /**
     * Closes the connection politely: a close frame (status 1000) after the pending sends, then waits up to
     * {@code timeout} for the bridge's close before dropping the connection.
     *
     * @return completes when the connection ended
     */
    CompletableFuture<Ending> close(Duration timeout) {
        if (!ended.get()) {
            synchronized (sendLock) {
                lastSend = lastSend.handle((ignored, failure) -> null)
                        .thenCompose(ignored -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                        .thenApply(ignored -> null);
            }
            Scheduling.after(timeout, () -> abort(new LivelinkTimeoutException("The bridge at " + url
                    + " did not acknowledge the close within " + timeout.toMillis() + " ms")));
        }
        return endedFuture;
    }

    /** Drops the connection at once, ending it with {@code error}. */
    void abort(Throwable error) {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
        end(new Ending(-1, "", error));
    }

    @Override
    public void onOpen(WebSocket ws) {
        webSocket = ws;
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        lastReceivedNanos = System.nanoTime();
        ByteBuffer message;
        try {
            message = assembler.append(data, last);
        } catch (FrameAssembler.FrameTooLargeException e) {
            abort(new LivelinkProtocolException("The bridge at " + url + " sent " + e.getMessage(), e));
            return null;
        }
        if (message != null && !dispatch(message)) {
            return null;
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        abort(new LivelinkProtocolException("The bridge at " + url + " sent a text message; Livelink frames are"
                + " binary messages", null));
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        // The JDK answers WebSocket pings itself; hearing one still shows the bridge is alive.
        lastReceivedNanos = System.nanoTime();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        lastReceivedNanos = System.nanoTime();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        end(new Ending(statusCode, reason == null ? "" : reason, null));
        // Returning null lets the JDK answer with its own close frame.
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        end(new Ending(-1, "", new LivelinkConnectionException("The WebSocket to " + url + " failed: " + error,
                -1, error)));
    }

    private boolean dispatch(ByteBuffer message) {
        Frame frame;
        try {
            frame = codec.decode(message, Direction.SERVER_TO_CLIENT);
        } catch (FrameException e) {
            abort(new LivelinkProtocolException("The bridge at " + url + " sent a frame the client cannot read: "
                    + e.getMessage(), e));
            return false;
        }
        try {
            handler.onFrame(this, frame);
        } catch (RuntimeException e) {
            // The handler guards the program's listener; what reaches here is the client's own failure.
            LOG.error("The Livelink client failed to handle a {} frame from {}; dropping the connection.",
                    frame.channel().channelName(), url, e);
            abort(e);
            return false;
        }
        return !ended.get();
    }

    private void end(Ending ending) {
        if (ended.compareAndSet(false, true)) {
            try {
                handler.onEnded(this, ending);
            } finally {
                endedFuture.complete(ending);
            }
        }
    }

    private static Throwable openFailure(URI url, Duration connectTimeout, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return new LivelinkConnectionException("The Livelink bridge at " + url + " answered the WebSocket upgrade"
                    + " with HTTP " + status, status, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new LivelinkTimeoutException("Connecting to the Livelink bridge at " + url + " took longer than "
                    + connectTimeout.toMillis() + " ms");
        }
        return new LivelinkConnectionException("Cannot open a WebSocket to the Livelink bridge at " + url + ": "
                + cause, -1, cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
