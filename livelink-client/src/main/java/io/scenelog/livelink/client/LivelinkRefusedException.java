package io.scenelog.livelink.client;

import io.scenelog.livelink.RefusalReason;
import java.util.Optional;

/**
 * The bridge answered the Hello with a Refusal (or refused the WebSocket upgrade). Retryable only when
 * the bridge said when to retry (UNAVAILABLE with retryAfterMillis).
 */
public final class LivelinkRefusedException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;
    private final String refusalMessage;
    private final Integer retryAfterMillis;

    /**
     * A refusal as received.
     *
     * @param url the bridge URL connected to
     * @param reason the Refusal's reason
     * @param refusalMessage the Refusal's message (for people)
     * @param retryAfterMillis the Refusal's retryAfterMillis, or null
     */
    public LivelinkRefusedException(String url, RefusalReason reason, String refusalMessage,
            Integer retryAfterMillis) {
        super("The Livelink bridge at " + url + " refused the connection: " + reason
                + (refusalMessage == null || refusalMessage.isEmpty() ? "" : " (" + refusalMessage + ")")
                + (retryAfterMillis == null ? "" : "; retry after " + retryAfterMillis + " ms"), null);
        this.reason = reason;
        this.refusalMessage = refusalMessage == null ? "" : refusalMessage;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** Why the bridge refused, for programs. */
    public RefusalReason reason() {
        return reason;
    }

    /** The bridge's human-readable detail; empty when it gave none. */
    public String refusalMessage() {
        return refusalMessage;
    }

    /** How long the bridge asked to wait before trying again, when retrying can succeed. */
    public Optional<Integer> retryAfterMillis() {
        return Optional.ofNullable(retryAfterMillis);
    }

    @Override
    public boolean retryable() {
        return retryAfterMillis != null || reason == RefusalReason.UNAVAILABLE;
    }
}
