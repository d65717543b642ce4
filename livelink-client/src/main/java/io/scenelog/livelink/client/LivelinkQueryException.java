package io.scenelog.livelink.client;

import io.scenelog.livelink.QueryStatus;

/** The bridge answered a query with a status other than OK. Retryable when the status is UNAVAILABLE. */
public final class LivelinkQueryException extends LivelinkException {

    private static final long serialVersionUID = 1L;

    private final long queryId;
    private final QueryStatus status;

    /**
     * A query that was not answered.
     *
     * @param queryId the query's id
     * @param status the answer's status
     * @param detail the answer's message
     */
    public LivelinkQueryException(long queryId, QueryStatus status, String detail) {
        super("Livelink query " + queryId + " was answered " + status
                + (detail == null || detail.isEmpty() ? "" : ": " + detail), null);
        this.queryId = queryId;
        this.status = status;
    }

    /** The query's id. */
    public long queryId() {
        return queryId;
    }

    /** The answer's status (never OK). */
    public QueryStatus status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return status == QueryStatus.UNAVAILABLE;
    }
}
