package io.scenelog.bridge.internal.connection;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A {@link Transport} over a Jetty 12 WebSocket session: asynchronous sends with a callback, never blocking. */
final class JettyTransport implements Transport {

    private final Session session;

    JettyTransport(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void send(byte[] message, SendCallback callback) {
        session.sendBinary(ByteBuffer.wrap(message), Callback.from(callback::sent, callback::failed));
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
