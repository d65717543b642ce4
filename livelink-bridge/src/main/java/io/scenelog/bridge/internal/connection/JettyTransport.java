package io.scenelog.bridge.internal.connection;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * A {@link Transport} over a Jetty 12 WebSocket session: asynchronous sends with a callback, never blocking, written
 * on Jetty's thread pool. A run of messages goes to Jetty's core session as batched frames: its frame flusher copies
 * them into one buffer and writes them with the run's last message, one write for a burst instead of one each.
 */
final class JettyTransport implements Transport {

    private final Session session;
    /** Jetty's own session under the API's, for batched sends and its thread pool; null if another implementation. */
    private final CoreSession core;

    JettyTransport(Session session) {
        this.session = Objects.requireNonNull(session, "session");
        this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
    }

    @Override
    public void send(byte[] message, SendCallback callback) {
        send(message, false, callback);
    }

    @Override
    public void send(byte[] message, boolean moreFollow, SendCallback callback) {
        if (core == null) {
            session.sendBinary(ByteBuffer.wrap(message), Callback.from(callback::sent, callback::failed));
            return;
        }
        // What Session.sendBinary does, with the batch flag it always leaves off.
        core.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(message)),
                org.eclipse.jetty.util.Callback.from(callback::sent, callback::failed), moreFollow);
    }

    @Override
    public Executor writer() {
        return core == null ? Runnable::run : core.getWebSocketComponents().getExecutor();
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    @Override
    public void abort() {
        session.disconnect();
    }

    @Override
    public String remote() {
        return String.valueOf(session.getRemoteSocketAddress());
    }
}
