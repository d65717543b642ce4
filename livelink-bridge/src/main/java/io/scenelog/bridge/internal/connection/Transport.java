package io.scenelog.bridge.internal.connection;

import java.util.concurrent.Executor;

/** The socket under a connection: sends whole binary messages asynchronously and closes. */
public interface Transport {

    /**
     * Starts sending one binary message; the callback runs when it was written or failed (possibly before this
     * returns, on the caller's thread).
     */
    void send(byte[] message, SendCallback callback);

    /**
     * Starts sending one binary message of a run handed over at once: with {@code moreFollow} the transport may hold
     * it (its callback may then run before it was written) to write it with the ones after; the last of the run,
     * sent without, writes everything held. By default every message is sent on its own.
     */
    default void send(byte[] message, boolean moreFollow, SendCallback callback) {
        send(message, callback);
    }

    /**
     * The threads that write to this socket (outbound queues drain there, never on the thread that queues). By
     * default the caller's thread.
     */
    default Executor writer() {
        return Runnable::run;
    }

    /** Closes the socket with a WebSocket close code after the messages sent so far. */
    void close(int code, String reason);

    /** Drops the socket at once, without a close handshake (a peer that stopped reading). */
    void abort();

    /** The peer's address, for logs. */
    String remote();

    /** What a send reports. */
    interface SendCallback {
        /** The message was written. */
        void sent();

        /** The message could not be written; the connection is broken. */
        void failed(Throwable cause);
    }
}
