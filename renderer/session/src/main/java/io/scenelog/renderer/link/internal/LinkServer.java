package io.scenelog.renderer.link.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.renderer.link.RenderLinkHandler;
import io.scenelog.renderer.link.RenderLinkServer;
import io.scenelog.renderer.link.RenderLinkSettings;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.streams.auth.TokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RenderLink server: an accept thread, and a {@link LinkConnection} per bridge. */
public final class LinkServer implements RenderLinkServer {

    private static final Logger LOG = LoggerFactory.getLogger(LinkServer.class);

    private final ServerSocket server;
    private final LinkContext context;
    private final Set<LinkConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean closed;

    private LinkServer(ServerSocket server, LinkContext context) {
        this.server = server;
        this.context = context;
    }

    /** Binds and starts accepting. */
    public static LinkServer start(RenderLinkSettings settings, TokenVerifier verifier, RenderLinkHandler handler,
            MeterRegistry metrics, Clock clock) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindHost()), settings.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for bridges on " + settings.bindHost() + ":"
                    + settings.port() + " for session " + settings.sessionId() + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "renderlink-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        LinkContext context = new LinkContext(settings, new LinkHandshake(settings, verifier, clock), handler,
                new ClientRoutes(), new FrameCodec(settings.maxMessageBytes()), heartbeats, clock, metrics,
                Counter.builder("renderlink.video.dropped").description("video frames dropped for slow bridges")
                        .register(metrics),
                Counter.builder("renderlink.connections.refused").description("bridges refused at the Hello")
                        .register(metrics));
        LinkServer linkServer = new LinkServer(socket, context);
        Gauge.builder("renderlink.connections", linkServer, LinkServer::connections)
                .description("bridges connected and welcome (past their Hello)").register(metrics);
        Gauge.builder("renderlink.send.queue", linkServer, server -> server.sum(LinkConnection::queuedMessages))
                .description("messages waiting to be written to bridges, all connections").register(metrics);
        Gauge.builder("renderlink.send.queue.bytes", linkServer, server -> server.sum(LinkConnection::queuedBytes))
                .description("bytes waiting to be written to bridges, all connections").baseUnit("bytes")
                .register(metrics);
        Thread acceptor = new Thread(linkServer::accept, "renderlink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("RenderLink for session {} listens on {}.", settings.sessionId(), socket.getLocalSocketAddress());
        return linkServer;
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public boolean sendVideo(String clientId, byte[] frame, boolean keyFrame) {
        Optional<LinkConnection> owner = context.routes().owner(clientId);
        return owner.isPresent() && owner.get().sendVideo(clientId, frame, keyFrame);
    }

    @Override
    public boolean send(String clientId, SpecificRecord payload) {
        Optional<LinkConnection> owner = context.routes().owner(clientId);
        owner.ifPresent(connection -> connection.send(clientId, payload));
        return owner.isPresent();
    }

    @Override
    public int connections() {
        return (int) connections.stream().filter(LinkConnection::welcome).count();
    }

    private double sum(ToLongFunction<LinkConnection> measure) {
        return connections.stream().mapToLong(measure).sum();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the RenderLink socket failed; it is closed anyway.", e);
        }
        for (LinkConnection connection : connections) {
            connection.close();
        }
        context.heartbeats().shutdownNow();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                LinkConnection connection = new LinkConnection(socket, "renderlink-" + counter.incrementAndGet(),
                        context, this::closed);
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("Accepting a bridge failed; still listening.", e);
                }
            }
        }
    }

    private void closed(LinkConnection connection) {
        connections.remove(connection);
        for (String client : context.routes().releaseAll(connection)) {
            LOG.info("Client {} lost its bridge with {}: its stream stops.", client, connection);
            context.handler().released(client);
        }
    }
}
