package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.livelink.client.LivelinkQueryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The queries of one client that wait for their answer, and the parts gathered so far. An answer's
 * parts come in order (part 0, 1, ...) with the same queryId and sceneVersion; the one marked last
 * completes the query. A status other than OK fails the query with {@link LivelinkQueryException}; a
 * part out of order fails it with {@link LivelinkProtocolException}. After a reconnect every waiting
 * query is asked again (queries change nothing), its gathered parts dropped.
 *
 * <p>Thread-safe; futures complete outside the lock.
 */
public final class QueryTracker {

    private final Map<Long, Gathering> pending = new LinkedHashMap<>();
    private long lastQueryId;

    /** The next query id of this client: 1, 2, 3, ... */
    public synchronized long nextQueryId() {
        return ++lastQueryId;
    }

    /**
     * Waits for the answer to {@code query}.
     *
     * @return completes with every part of the answer, in order, once the last one arrived
     * @throws IllegalArgumentException when a query with the same id already waits
     */
    public synchronized CompletableFuture<List<QueryResult>> track(Query query) {
        if (pending.containsKey(query.getQueryId())) {
            throw new IllegalArgumentException("Query " + query.getQueryId() + " is already waiting for its answer");
        }
        Gathering gathering = new Gathering(query, new CompletableFuture<>());
        pending.put(query.getQueryId(), gathering);
        return gathering.future;
    }

    /**
     * Adds one part of an answer.
     *
     * @return false when no waiting query has the part's queryId
     */
    public boolean accept(QueryResult part) {
        Gathering gathering;
        List<QueryResult> complete = null;
        RuntimeException failure = null;
        synchronized (this) {
            gathering = pending.get(part.getQueryId());
            if (gathering == null) {
                return false;
            }
            if (part.getStatus() != QueryStatus.OK) {
                failure = new LivelinkQueryException(part.getQueryId(), part.getStatus(), part.getMessage());
            } else if (part.getPart() != gathering.parts.size() || !sameVersion(gathering, part)) {
                failure = new LivelinkProtocolException("Livelink query " + part.getQueryId() + " got part "
                        + part.getPart() + " at scene version " + part.getSceneVersion() + " after "
                        + gathering.parts.size() + " parts" + (gathering.parts.isEmpty() ? ""
                        : " at scene version " + gathering.parts.get(0).getSceneVersion()), null);
            } else {
                gathering.parts.add(part);
                if (part.getLast()) {
                    complete = List.copyOf(gathering.parts);
                }
            }
            if (failure != null || complete != null) {
                pending.remove(part.getQueryId());
            }
        }
        if (failure != null) {
            gathering.future.completeExceptionally(failure);
        } else if (complete != null) {
            gathering.future.complete(complete);
        }
        return true;
    }

    /** The queries still without a complete answer, their gathered parts dropped: what a reconnect asks again. */
    public synchronized List<Query> restart() {
        List<Query> queries = new ArrayList<>(pending.size());
        pending.values().forEach(g -> {
            g.parts.clear();
            queries.add(g.query);
        });
        return queries;
    }

    /** Stops waiting for a query that could not be sent, failing its future. */
    public void abandon(long queryId, Throwable cause) {
        Gathering abandoned;
        synchronized (this) {
            abandoned = pending.remove(queryId);
        }
        if (abandoned != null) {
            abandoned.future.completeExceptionally(cause);
        }
    }

    /** Whether the query with {@code queryId} waits for (more of) its answer. */
    public synchronized boolean isWaiting(long queryId) {
        return pending.containsKey(queryId);
    }

    /** How many queries wait for an answer. */
    public synchronized int waiting() {
        return pending.size();
    }

    /** Fails every waiting query (the client closed). */
    public void failAll(Function<Query, Throwable> cause) {
        List<Gathering> failed;
        synchronized (this) {
            failed = new ArrayList<>(pending.values());
            pending.clear();
        }
        failed.forEach(g -> g.future.completeExceptionally(cause.apply(g.query)));
    }

    private static boolean sameVersion(Gathering gathering, QueryResult part) {
        return gathering.parts.isEmpty() || gathering.parts.get(0).getSceneVersion() == part.getSceneVersion();
    }

    private static final class Gathering {
        final Query query;
        final CompletableFuture<List<QueryResult>> future;
        final List<QueryResult> parts = new ArrayList<>();

        Gathering(Query query, CompletableFuture<List<QueryResult>> future) {
            this.query = query;
            this.future = future;
        }
    }
}
