package io.scenelog.bridge.internal.connection;

/** The socket under a connection: sends whole binary messages asynchronously and closes. */
public interface Transport {

    /**
     * Starts sending one binary message; the callback runs when it was written or failed (possibly before this
     * returns, on the caller's thread).
     */
    void send(byte[] message, SendCallback callback);

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
