package io.scenelog.livelink.client;

/**
 * The client is closed, for good: by {@link LivelinkClient#close()}, or because its connection ended
 * and was not (or could not be) resumed. Actions and queries still waiting for an answer fail with it;
 * {@link #closure()} says why the client closed.
 */
public final class LivelinkClosedException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    private final transient ClientClosure closure;

    /**
     * A request that cannot be answered because the client closed.
     *
     * @param what the request, e.g. "action 3f2a... (clientSeq 7)"
     * @param closure why the client closed
     */
    public LivelinkClosedException(String what, ClientClosure closure) {
        super("The Livelink client " + closure.clientId() + " is closed (" + closure.describe() + "); "
                + what + " gets no answer", closure.cause());
        this.closure = closure;
    }

    /** Why the client closed. */
    public ClientClosure closure() {
        return closure;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
