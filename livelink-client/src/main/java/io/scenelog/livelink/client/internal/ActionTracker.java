package io.scenelog.livelink.client.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.ScenelogSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The actions of one client that still wait for their ActionResult, matched by actionId. After a
 * reconnect they are all resent as they were (same actionId and clientSeq): platform-streams answers a
 * resent action it already decided with DUPLICATE and the first outcome, which {@link #complete}
 * turns back into that outcome. Also hands out the client's increasing clientSeq numbers, which
 * survive reconnects because the client id does.
 *
 * <p>Thread-safe: actions are tracked by the program's threads and answered on the receiving thread.
 * Futures complete outside the lock.
 */
public final class ActionTracker {

    static {
        // Copying a result instantiates its generated enums by name, which Avro 1.12 forbids by default.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private final Map<UUID, Pending> pending = new LinkedHashMap<>();
    private long lastClientSeq;
    private long unmatchedResults;

    /** The next clientSeq of this client: 1, 2, 3, ... */
    public synchronized long nextClientSeq() {
        return ++lastClientSeq;
    }

    /**
     * Waits for the result of {@code action}.
     *
     * @return completes with the action's outcome
     * @throws IllegalArgumentException when an action with the same actionId already waits
     */
    public synchronized CompletableFuture<ActionResult> track(SceneAction action) {
        UUID actionId = action.getActionId();
        if (pending.containsKey(actionId)) {
            throw new IllegalArgumentException("Action " + actionId + " (clientSeq " + action.getClientSeq()
                    + ") is already waiting for its result; a new action needs a new actionId");
        }
        CompletableFuture<ActionResult> future = new CompletableFuture<>();
        pending.put(actionId, new Pending(action, future));
        return future;
    }

    /**
     * Completes the action that {@code result} answers.
     *
     * @return false when no tracked action has the result's actionId (answered already, or not ours)
     */
    public boolean complete(ActionResult result) {
        Pending answered;
        synchronized (this) {
            answered = pending.remove(result.getActionId());
            if (answered == null) {
                unmatchedResults++;
                return false;
            }
        }
        answered.future().complete(originalOutcome(result));
        return true;
    }

    /** Stops waiting for an action that could not be sent at all, failing its future. */
    public void abandon(UUID actionId, Throwable cause) {
        Pending abandoned;
        synchronized (this) {
            abandoned = pending.remove(actionId);
        }
        if (abandoned != null) {
            abandoned.future().completeExceptionally(cause);
        }
    }

    /** The actions still without a result, in the order they were tracked: what a reconnect resends. */
    public synchronized List<SceneAction> unanswered() {
        List<SceneAction> actions = new ArrayList<>(pending.size());
        pending.values().forEach(p -> actions.add(p.action()));
        return actions;
    }

    /** How many actions wait for a result. */
    public synchronized int waiting() {
        return pending.size();
    }

    /** How many results matched no waiting action (e.g. a second answer to a resent action). */
    public synchronized long unmatchedResults() {
        return unmatchedResults;
    }

    /** Fails every waiting action (the client closed); nothing waits afterwards. */
    public void failAll(Function<SceneAction, Throwable> cause) {
        List<Pending> failed;
        synchronized (this) {
            failed = new ArrayList<>(pending.values());
            pending.clear();
        }
        failed.forEach(p -> p.future().completeExceptionally(cause.apply(p.action())));
    }

    /**
     * The outcome a DUPLICATE answer stands for: a resent action learns what became of its first
     * sending. The result then carries the original status and reason (and the original's sceneVersion,
     * already set by platform-streams); {@code originalStatus} stays set, which tells that the answer
     * came from a resend. Any other result is returned as it is.
     */
    static ActionResult originalOutcome(ActionResult result) {
        if (result.getReason() != ReasonCode.DUPLICATE || result.getOriginalStatus() == null) {
            return result;
        }
        return ActionResult.newBuilder(result)
                .setStatus(result.getOriginalStatus())
                .setReason(result.getOriginalReason())
                .build();
    }

    private record Pending(SceneAction action, CompletableFuture<ActionResult> future) {
    }
}
