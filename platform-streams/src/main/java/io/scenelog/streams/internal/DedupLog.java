package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.streams.scene.ClientSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers decided outcomes for duplicate detection, in one store with three key families: {@code id/<actionId>},
 * {@code seq/<sceneId>/<sessionId|->/<clientSeq>/<clientId>} and an expiry index
 * {@code exp/<decidedAt, 13 digits>/<actionId>}. Keys sort as text, so the expired entries are one range scan away
 * and purging costs what expired, not what is kept.
 */
final class DedupLog {

    private static final String BY_ID = "id/";
    private static final String BY_SEQ = "seq/";
    private static final String BY_EXPIRY = "exp/";
    private static final String NO_SESSION = "-";

    private final KeyValueStore<String, ActionResult> store;

    DedupLog(KeyValueStore<String, ActionResult> store) {
        this.store = store;
    }

    Optional<ActionResult> byActionId(UUID actionId) {
        return Optional.ofNullable(store.get(BY_ID + actionId));
    }

    Optional<ActionResult> byClientSeq(ClientSeq seq) {
        return Optional.ofNullable(store.get(seqKey(seq)));
    }

    /**
     * Records a first outcome.
     *
     * @param indexClientSeq whether to remember it by client sequence number too: not for refused tokens, whose
     *                       clientId is unproven, so nobody can burn another client's sequence numbers
     */
    void record(ActionResult result, boolean indexClientSeq) {
        store.put(BY_ID + result.getActionId(), result);
        if (indexClientSeq) {
            store.put(seqKey(seqOf(result)), result);
        }
        store.put(expiryKey(result.getDecidedAt().toEpochMilli(), result.getActionId().toString()), result);
    }

    /**
     * Forgets outcomes decided more than {@code horizon} before {@code nowMillis}.
     *
     * @return how many outcomes were forgotten
     */
    int purge(long nowMillis, Duration horizon) {
        long cutoff = Math.max(0, nowMillis - horizon.toMillis());
        List<KeyValue<String, ActionResult>> expired = new ArrayList<>();
        try (KeyValueIterator<String, ActionResult> it = store.range(BY_EXPIRY, BY_EXPIRY + digits(cutoff))) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, ActionResult> entry : expired) {
            ActionResult result = entry.value;
            store.delete(entry.key);
            store.delete(BY_ID + result.getActionId());
            String seqKey = seqKey(seqOf(result));
            ActionResult bySeq = store.get(seqKey);
            // A later action may hold the same number (after a refused one that was not indexed): keep its entry.
            if (bySeq != null && bySeq.getActionId().equals(result.getActionId())) {
                store.delete(seqKey);
            }
        }
        return expired.size();
    }

    private static ClientSeq seqOf(ActionResult result) {
        return new ClientSeq(result.getSceneId(), result.getSessionId(), result.getClientId(),
                result.getClientSeq());
    }

    private static String seqKey(ClientSeq seq) {
        return BY_SEQ + seq.sceneId() + "/" + (seq.sessionId() == null ? NO_SESSION : seq.sessionId().toString())
                + "/" + seq.clientSeq() + "/" + seq.clientId();
    }

    private static String expiryKey(long decidedAtMillis, String actionId) {
        return BY_EXPIRY + digits(decidedAtMillis) + "/" + actionId;
    }

    private static String digits(long millis) {
        return String.format("%013d", millis);
    }
}
