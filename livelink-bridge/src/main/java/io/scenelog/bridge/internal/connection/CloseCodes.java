package io.scenelog.bridge.internal.connection;

import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.RefusalReason;

/**
 * The WebSocket close code after a Refusal or Disconnect (RFC 6455 §7.4.1). The frame before the close says why for
 * programs; the code is for proxies and browser consoles.
 */
final class CloseCodes {

    /** Normal closure. */
    static final int NORMAL = 1000;
    /** The server is going away. */
    static final int GOING_AWAY = 1001;
    /** A message violated the protocol's policy. */
    static final int POLICY_VIOLATION = 1008;
    /** A message was too big to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    /** The server cannot serve now. */
    static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {
    }

    static int forRefusal(RefusalReason reason) {
        return switch (reason) {
            case PROTOCOL_ERROR, UNSUPPORTED_PROTOCOL -> POLICY_VIOLATION;
            case UNAVAILABLE -> TRY_AGAIN_LATER;
            default -> NORMAL;
        };
    }

    static int forDisconnect(DisconnectReason reason) {
        return switch (reason) {
            case MESSAGE_TOO_LARGE -> MESSAGE_TOO_BIG;
            case PROTOCOL_ERROR, RATE_LIMITED -> POLICY_VIOLATION;
            case SERVER_SHUTDOWN -> GOING_AWAY;
            default -> NORMAL;
        };
    }
}
