package io.scenelog.livelink.client;

/**
 * Something went wrong between this client and a Livelink bridge. The subclasses name the condition;
 * {@link #retryable()} says whether trying again (connecting again, asking again) can succeed.
 */
public abstract class LivelinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the identities and state involved.
     *
     * @param message the detail
     * @param cause the underlying failure, or null
     */
    protected LivelinkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request can succeed later (a new connection, a new query). */
    public abstract boolean retryable();
}
