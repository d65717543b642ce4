package io.scenelog.livelink.client;

/** No answer in time: the WebSocket upgrade, the Welcome after the Hello, or a close. Retryable. */
public final class LivelinkTimeoutException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    /**
     * A timeout.
     *
     * @param message what was awaited, from where, and for how long
     */
    public LivelinkTimeoutException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
