package io.scenelog.app.bench;

import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.FrameCodec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bare peer's clients: JDK {@link WebSocket}s on the same {@link HttpClient} as the Livelink clients, reading the
 * way the Livelink client reads (one message requested at a time, fragments joined, every frame decoded to its
 * {@link SceneEvent}) and reporting each event to the current round, as the Livelink clients' listeners do.
 */
final class BareFleet implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI uri;
    private final RoundSwitch rounds;
    private final FrameCodec codec;
    private final List<WebSocket> sockets = new ArrayList<>();

    BareFleet(HttpClient http, URI uri, RoundSwitch rounds, FrameCodec codec) {
        this.http = http;
        this.uri = uri;
        this.rounds = rounds;
        this.codec = codec;
    }

    /** Opens sockets until there are {@code count}, all at once. */
    void growTo(int count) throws InterruptedException {
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int index = sockets.size(); index < count; index++) {
            opening.add(http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(uri, new Reader(index)));
        }
        for (CompletableFuture<WebSocket> socket : opening) {
            try {
                sockets.add(socket.get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("A bare peer client could not connect to " + uri + ": " + e, e);
            }
        }
    }

    int size() {
        return sockets.size();
    }

    /** Closes every socket (close frame), dropping those that do not finish closing in time. */
    @Override
    public void close() {
        List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
        sockets.forEach(socket -> closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "")));
        try {
            CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the sockets below are dropped anyway
        }
        sockets.forEach(WebSocket::abort);
        sockets.clear();
    }

    /** One client's reading side. */
    private final class Reader implements WebSocket.Listener {
        private final int index;
        private ByteArrayOutputStream fragments;

        Reader(int index) {
            this.index = index;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            ByteBuffer message = data;
            if (!last || fragments != null) {
                if (fragments == null) {
                    fragments = new ByteArrayOutputStream();
                }
                byte[] part = new byte[data.remaining()];
                data.get(part);
                fragments.writeBytes(part);
                message = last ? ByteBuffer.wrap(fragments.toByteArray()) : null;
                if (last) {
                    fragments = null;
                }
            }
            if (message != null) {
                SceneEvent event = codec.decode(message, Direction.SERVER_TO_CLIENT).payload(SceneEvent.class);
                rounds.current().delivered(index, event, System.nanoTime());
            }
            socket.request(1);
            return null;
        }
    }
}
