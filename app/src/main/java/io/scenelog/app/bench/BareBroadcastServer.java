package io.scenelog.app.bench;

import io.javalin.Javalin;
import io.javalin.websocket.WsConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The fan-out benchmark's peer: a minimal WebSocket broadcast server (Javalin on Jetty 12, as the bridge) in the
 * benchmark's JVM. No Kafka, no sessions, no tokens, no per-client queue of its own: each frame goes to every open
 * socket with Jetty's asynchronous {@code sendBinary}, the way the bridge finally writes. The one rule it shares with
 * the bridge is a bound: a client with as many frames in flight as the bridge's default outbound queue holds gets
 * no more until it drains (they are counted as dropped), so an overloaded run fills no memory.
 */
final class BareBroadcastServer implements AutoCloseable {

    /** The WebSocket path. */
    static final String PATH = "/bare";

    private final int maxInFlight;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Map<String, Peer> bySocket = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Javalin app;

    private BareBroadcastServer(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            // Clients of the peer send nothing; idle sockets stay open between its phases.
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(Duration.ofMinutes(30)));
            config.routes.ws(PATH, this::configure);
        });
    }

    /**
     * Starts listening on a free port of 127.0.0.1.
     *
     * @param maxInFlight frames a client may have in flight before further frames skip it
     */
    static BareBroadcastServer start(int maxInFlight) {
        BareBroadcastServer server = new BareBroadcastServer(maxInFlight);
        server.app.start();
        return server;
    }

    /** The broadcast's WebSocket URL. */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + app.port() + PATH);
    }

    /** Open sockets. */
    int connections() {
        return peers.size();
    }

    /** Sends one frame to every open socket. */
    void broadcast(byte[] frame) {
        for (Peer peer : peers) {
            peer.send(frame);
        }
    }

    /** Frames sent and not yet written, all clients together. */
    long inFlight() {
        long frames = 0;
        for (Peer peer : peers) {
            frames += peer.inFlight.get();
        }
        return frames;
    }

    /** Frames that skipped a client with a full window. */
    long dropped() {
        return dropped.sum();
    }

    /** Sends that failed (a closed socket). */
    long failed() {
        return failed.sum();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Peer peer = new Peer(ctx.session);
            bySocket.put(ctx.sessionId(), peer);
            peers.add(peer);
        });
        ws.onClose(ctx -> {
            Peer peer = bySocket.remove(ctx.sessionId());
            if (peer != null) {
                peers.remove(peer);
            }
        });
    }

    /** One client's socket and its frames in flight. */
    private final class Peer {
        private final Session session;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Callback done;

        Peer(Session session) {
            this.session = session;
            this.done = Callback.from(inFlight::decrementAndGet, failure -> {
                inFlight.decrementAndGet();
                failed.increment();
            });
        }

        void send(byte[] frame) {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                dropped.increment();
                return;
            }
            session.sendBinary(ByteBuffer.wrap(frame), done);
        }
    }
}
