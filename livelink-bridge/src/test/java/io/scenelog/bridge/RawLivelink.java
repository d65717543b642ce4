package io.scenelog.bridge;

import static org.awaitility.Awaitility.await;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Livelink client at the frame level, for the tests that need to misbehave: the JDK's WebSocket and the codec,
 * every received frame kept in order, reading that can be paused (a client too slow to read).
 */
final class RawLivelink implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final FrameCodec CODEC = new FrameCodec(64 * 1024 * 1024);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<byte[]> rawFrames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private WebSocket socket;

    private RawLivelink() {
    }

    /** Opens a socket without an Origin header (a program). */
    static RawLivelink connect(URI uri) {
        return connect(uri, Optional.empty());
    }

    /** Opens a socket, with a browser's Origin header when given. */
    static RawLivelink connect(URI uri, Optional<String> origin) {
        RawLivelink client = new RawLivelink();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        origin.ifPresent(value -> builder.header("Origin", value));
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect to " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /** The HTTP status the upgrade was refused with. */
    static int refusedUpgradeStatus(URI uri, String origin) {
        try {
            HTTP.newWebSocketBuilder().header("Origin", origin).buildAsync(uri, new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS).abort();
            throw new AssertionError("The upgrade from " + origin + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Hello of protocol version 1 with the token. */
    static Hello.Builder hello(String token) {
        return Hello.newBuilder().setProtocolVersion(1).setMinProtocolVersion(1).setToken(token).setHeadless(true)
                .setVideoCodecs(List.of()).setResumeFromVersion(null).setDisplayName("").setClientSoftware("bridge-it");
    }

    /** Sends a payload as a frame. */
    RawLivelink send(SpecificRecord payload) {
        return sendBytes(CODEC.encode(Frame.of(payload)));
    }

    /** Sends bytes as one binary message. */
    RawLivelink sendBytes(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** Sends a text message. */
    RawLivelink sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends a Hello with the token and waits for the Welcome. */
    Welcome join(String token) {
        send(hello(token).build());
        return awaitFirst(Welcome.class, welcome -> true);
    }

    /** Sends a Hello resuming from a version and waits for the Welcome. */
    Welcome join(String token, long resumeFromVersion) {
        send(hello(token).setResumeFromVersion(resumeFromVersion).build());
        return awaitFirst(Welcome.class, welcome -> true);
    }

    /** Stops reading frames: the bridge's sends back up into its queue. */
    void pauseReading() {
        reading.set(false);
    }

    /** Reads again after {@link #pauseReading()}. */
    void resumeReading() {
        reading.set(true);
        socket.request(1);
    }

    /** The bytes of every frame received so far on a channel, in order. */
    List<byte[]> raw(Channel channel) {
        return rawFrames.stream().filter(bytes -> (bytes[0] & 0xff) == channel.id()).toList();
    }

    /** Every frame received so far, in order. */
    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The payloads of a type received so far, in order. */
    <T extends SpecificRecord> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Frame frame : frames) {
            if (type.isInstance(frame.payload())) {
                found.add(type.cast(frame.payload()));
            }
        }
        return found;
    }

    /** The first payload of a type that matches, waiting for it. */
    <T extends SpecificRecord> T awaitFirst(Class<T> type, Predicate<T> matching) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                .until(() -> all(type).stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The events received so far, in order. */
    List<SceneEvent> events() {
        return all(SceneEvent.class);
    }

    /** Waits for a Disconnect. */
    Disconnect awaitDisconnect() {
        return (Disconnect) awaitFirst(Control.class, control -> control.getCommand() instanceof Disconnect)
                .getCommand();
    }

    /** Waits for a Refusal. */
    Refusal awaitRefusal() {
        return awaitFirst(Refusal.class, refusal -> true);
    }

    /** Waits for the socket to close; answers the close code. */
    int awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The socket did not close within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the socket closed. */
    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | CompletionException e) {
                socket.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    /** Drops the socket without a close handshake (a lost network). */
    void drop() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            partial.writeBytes(chunk);
            if (last) {
                byte[] whole = partial.toByteArray();
                rawFrames.add(whole);
                frames.add(CODEC.decode(ByteBuffer.wrap(whole), Direction.SERVER_TO_CLIENT));
                partial.reset();
            }
            if (reading.get()) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
