package io.scenelog.bridge.internal.connection;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.scenelog.bridge.BridgeSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Livelink WebSocket endpoint at {@value BridgeSettings#LIVELINK_PATH}: checks the Origin at the upgrade (403
 * for a browser origin not allowed; programs send none), sets Jetty's message limits from the frame limit, and hands
 * each socket's messages to its {@link Connection}.
 */
public final class LivelinkEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LivelinkEndpoint.class);

    private final ConnectionServices services;
    private final Set<String> allowedOrigins;
    private final Map<String, Connection> bySocket = new ConcurrentHashMap<>();

    /** @param services what the connections share */
    public LivelinkEndpoint(ConnectionServices services) {
        this.services = services;
        this.allowedOrigins = services.settings().allowedOrigins();
    }

    /** Adds the endpoint and its socket limits to a Javalin app being configured. */
    public void mount(JavalinConfig config) {
        int maxFrame = services.settings().limits().maxFrameBytes();
        Duration idle = services.settings().heartbeatTimeout().multipliedBy(2);
        config.jetty.modifyWebSocketServletFactory(factory -> {
            // Twice the frame limit, so a frame a little over it still arrives and gets a Disconnect
            // MESSAGE_TOO_LARGE; a larger one Jetty refuses itself (close code 1009). Text is never a frame.
            factory.setMaxBinaryMessageSize(2L * maxFrame);
            factory.setMaxFrameSize(2L * maxFrame);
            factory.setMaxTextMessageSize(1024);
            // The bridge's own heartbeat timeout ends silent connections first (Disconnect IDLE).
            factory.setIdleTimeout(idle);
        });
        config.routes.wsBeforeUpgrade(BridgeSettings.LIVELINK_PATH, this::checkOrigin);
        config.routes.ws(BridgeSettings.LIVELINK_PATH, this::configure);
    }

    /** How many sockets are open (welcomed or not). */
    public int openSockets() {
        return bySocket.size();
    }

    /** Every open socket's connection. */
    public Iterable<Connection> connections() {
        return bySocket.values();
    }

    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || allowedOrigins.contains(origin) || sameOrigin(origin, ctx.header("Host"))) {
            return;
        }
        LOG.info("Refused a Livelink upgrade from origin {} (allowed: {} and the bridge's own).", origin,
                allowedOrigins);
        throw new ForbiddenResponse("Origin " + origin + " may not open Livelink connections to this bridge");
    }

    private static boolean sameOrigin(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(services.settings().heartbeatTimeout().multipliedBy(2));
            Connection connection = new Connection(services, new JettyTransport(ctx.session),
                    Optional.ofNullable(ctx.queryParam("session")).filter(s -> !s.isBlank()));
            bySocket.put(ctx.sessionId(), connection);
            connection.opened();
        });
        ws.onBinaryMessage(ctx -> connection(ctx).ifPresent(connection -> connection.onBinary(ctx.data())));
        ws.onMessage(ctx -> connection(ctx).ifPresent(connection -> connection.onText(ctx.message().length())));
        ws.onClose(ctx -> {
            Connection connection = bySocket.remove(ctx.sessionId());
            if (connection != null) {
                connection.onSocketClosed();
            }
        });
        ws.onError(ctx -> LOG.debug("Livelink socket {} failed: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    private Optional<Connection> connection(WsContext ctx) {
        return Optional.ofNullable(bySocket.get(ctx.sessionId()));
    }
}
