package io.scenelog.livelink.client;

import java.util.OptionalInt;

/**
 * The WebSocket could not be opened (no server, an HTTP status instead of the upgrade) or was lost
 * (closed without a Disconnect, an I/O error, silent for longer than the heartbeat timeout). Retryable:
 * connect again and resume.
 */
public final class LivelinkConnectionException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    /**
     * A transport failure.
     *
     * @param message what failed, naming the URL
     * @param httpStatus the HTTP status that answered the upgrade, or -1 when none did
     * @param cause the underlying failure, or null
     */
    public LivelinkConnectionException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status that answered the WebSocket upgrade instead of 101, when that was the failure. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
