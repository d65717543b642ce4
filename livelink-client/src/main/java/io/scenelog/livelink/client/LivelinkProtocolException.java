package io.scenelog.livelink.client;

/**
 * The bridge sent something this client cannot accept: an undecodable frame, a frame before the
 * Welcome other than a Refusal, a protocol version the client does not speak, a query answer out of
 * order. Not retryable: the client and the bridge disagree on the protocol.
 */
public final class LivelinkProtocolException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    /**
     * A protocol violation by the bridge.
     *
     * @param message what arrived and why it is wrong
     * @param cause the codec's exception, or null
     */
    public LivelinkProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
