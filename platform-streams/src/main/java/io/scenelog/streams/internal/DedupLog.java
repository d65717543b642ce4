package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.streams.scene.ClientSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers decided outcomes for duplicate detection, in one store with three key families ({@link DedupKeys}):
 * by actionId, holding the outcome; by client sequence number, holding only the actionId it points to (looked up
 * only for numbers not above the client's highest: a client counting upwards sends each new number once); and an
 * expiry index by decision time naming the outcomes (and sequence keys) to forget, an entry for each of a commit's
 * first few outcomes and one for the rest. Each outcome is stored once, as the bytes already sent to
 * {@code action-results} (the Confluent wire format), so recording costs no serialisation and the pointers stay
 * small; keys sort as bytes, so the expired entries are one range scan away and purging costs what expired, not
 * what is kept.
 */
final class DedupLog {

    /** The sequence key of an outcome that has none (a command, a refused token). */
    private static final byte[] NOT_INDEXED = new byte[0];

    /** Clients whose highest number a task remembers (a few dozen bytes each), least recently used forgotten. */
    private static final int CLIENTS_KEPT = 4096;

    /**
     * How many outcomes of a commit get their own expiry entry at once; the rest share one at the commit. As many
     * as {@link CoalescingStore} lets through, for the same reason: a quiet commit sends nothing inside itself.
     */
    static final int INDEXED_AT_ONCE = CoalescingStore.WRITTEN_AT_ONCE;
    /** Stored ids read into the filter per call of {@link #indexStoredIds}. */
    static final int IDS_PER_SLICE = 5_000;

    private final KeyValueStore<Bytes, byte[]> store;
    private final Deserializer<ActionResult> results;
    /** Which actionIds the store may hold: most lookups by actionId miss, and the filter spares them the read. */
    private final ActionIdFilter actionIds;
    /** Outcomes recorded since the last commit beyond the first few, whose expiry the commit indexes. */
    private final List<DedupKeys.Recorded> held = new ArrayList<>();
    private long newestHeld = Long.MIN_VALUE;
    private int recordedThisCommit;
    /**
     * Each recent client's highest number recorded. Kept with the processor, which is the store's only writer:
     * a task that is closed, revived or moved starts empty and reads the numbers back from the store.
     */
    private final Map<Bytes, Long> highestSeq = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, Long> eldest) {
            return size() > CLIENTS_KEPT;
        }
    };

    /**
     * @param results reads outcomes in the wire format of {@code action-results}
     */
    DedupLog(KeyValueStore<Bytes, byte[]> store, Deserializer<ActionResult> results) {
        this.store = store;
        this.results = results;
        this.actionIds = new ActionIdFilter(store);
    }

    /**
     * Reads a slice of the ids stored before this processor started into its filter (a few ms); until they are all
     * read, every lookup by actionId goes to the store.
     *
     * @return whether they are all read
     */
    boolean indexStoredIds() {
        return actionIds.indexSome(IDS_PER_SLICE);
    }

    /** Whether the filter covers every stored id (false again when it outgrows its size and starts over). */
    boolean storedIdsIndexed() {
        return actionIds.complete();
    }

    /**
     * The client's highest number recorded, or {@link Long#MIN_VALUE} for none: remembered, else the last key of the
     * client's range in the store. It stays an upper bound when purges forget numbers, which is all the lookup needs.
     */
    private long highestSeq(Bytes client) {
        Long known = highestSeq.get(client);
        if (known != null) {
            return known;
        }
        long highest = Long.MIN_VALUE;
        try (KeyValueIterator<Bytes, byte[]> last =
                store.reverseRange(DedupKeys.firstSeq(client), DedupKeys.lastSeq(client))) {
            if (last.hasNext()) {
                highest = DedupKeys.seqOf(last.next().key);
            }
        }
        highestSeq.put(client, highest);
        return highest;
    }

    Optional<ActionResult> byActionId(UUID actionId) {
        if (actionIds.surelyAbsent(actionId)) {
            return Optional.empty();
        }
        byte[] outcome = store.get(DedupKeys.byId(actionId));
        return outcome == null ? Optional.empty() : Optional.of(results.deserialize(CommitStores.DEDUP, outcome));
    }

    Optional<ActionResult> byClientSeq(ClientSeq seq) {
        Bytes client = DedupKeys.client(seq.sceneId(), seq.sessionId(), seq.clientId());
        // Clients number their actions upwards, so nearly every number is new: above the client's highest, it
        // cannot have been recorded, and the lookup (a miss) is skipped.
        if (seq.clientSeq() > highestSeq(client)) {
            return Optional.empty();
        }
        byte[] actionId = store.get(DedupKeys.bySeq(client, seq.clientSeq()));
        // The outcome and its pointers are written and purged together: a pointer without an outcome cannot
        // happen under exactly-once; should it (at-least-once after a crash), the number is simply not known.
        return actionId == null ? Optional.empty() : byActionId(DedupKeys.uuid(actionId, 0));
    }

    /**
     * Records a first outcome. The first few outcomes of a commit are indexed for expiry at once, each in its own
     * entry; later ones wait for the commit and share one entry ({@link #beforeCommit}). A busy task so writes one
     * expiry entry per commit instead of one per action, and a quiet one sends nothing extra inside the commit
     * (where the producer's flush would wait for it: a few ms on every commit at 1,000 actions/s).
     *
     * @param result         the outcome
     * @param encoded        the outcome as sent to {@code action-results} (the Confluent wire format)
     * @param indexClientSeq whether to remember it by client sequence number too: not for refused tokens, whose
     *                       clientId is unproven, so nobody can burn another client's sequence numbers
     */
    void record(ActionResult result, byte[] encoded, boolean indexClientSeq) {
        UUID actionId = result.getActionId();
        List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>(3);
        entries.add(KeyValue.pair(DedupKeys.byId(actionId), encoded));
        byte[] seqEntry = NOT_INDEXED;
        if (indexClientSeq) {
            Bytes client = DedupKeys.client(result.getSceneId(), result.getSessionId(), result.getClientId());
            Bytes seqKey = DedupKeys.bySeq(client, result.getClientSeq());
            entries.add(KeyValue.pair(seqKey, DedupKeys.uuidBytes(actionId)));
            seqEntry = seqKey.get();
            // A client not known here is read from the store when it next sends, this entry included.
            highestSeq.computeIfPresent(client, (key, highest) -> Math.max(highest, result.getClientSeq()));
        }
        DedupKeys.Recorded outcome = new DedupKeys.Recorded(actionId, seqEntry);
        long decidedAt = result.getDecidedAt().toEpochMilli();
        if (recordedThisCommit++ < INDEXED_AT_ONCE) {
            entries.add(KeyValue.pair(DedupKeys.byExpiry(decidedAt, actionId),
                    DedupKeys.expiryValue(List.of(outcome))));
        } else {
            held.add(outcome);
            newestHeld = Math.max(newestHeld, decidedAt);
        }
        // One write for all: RocksDB applies a putAll as one write batch (one JNI call, one pass through its write
        // path); the changelog gets the same records.
        store.putAll(entries);
        actionIds.add(actionId);
    }

    /**
     * Indexes the expiry of the outcomes held since the last commit, in one entry: Kafka Streams calls this before
     * it commits the task ({@link PreCommitStore}), so the entry joins the transaction of its outcomes, and a
     * transaction that is abandoned takes its outcomes and this list with it.
     */
    void beforeCommit() {
        recordedThisCommit = 0;
        if (held.isEmpty()) {
            return;
        }
        store.put(DedupKeys.byExpiry(newestHeld, held.get(0).actionId()), DedupKeys.expiryValue(held));
        held.clear();
        newestHeld = Long.MIN_VALUE;
    }

    /**
     * Forgets outcomes decided more than {@code horizon} before {@code nowMillis}.
     *
     * @return how many outcomes were forgotten
     */
    int purge(long nowMillis, Duration horizon) {
        long cutoff = Math.max(0, nowMillis - horizon.toMillis());
        List<KeyValue<Bytes, byte[]>> expired = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it =
                store.range(DedupKeys.expiryFrom(), DedupKeys.expiryBefore(cutoff))) {
            it.forEachRemaining(expired::add);
        }
        int forgotten = 0;
        // Deleted by writing nothing (a tombstone): delete() would read each old value back first, for nothing.
        for (KeyValue<Bytes, byte[]> entry : expired) {
            for (DedupKeys.Recorded outcome : DedupKeys.expiring(entry.key, entry.value)) {
                forget(outcome);
                forgotten++;
            }
            store.put(entry.key, null);
        }
        return forgotten;
    }

    private void forget(DedupKeys.Recorded outcome) {
        store.put(DedupKeys.byId(outcome.actionId()), null);
        if (outcome.seqKey().length > 0) {
            Bytes seqKey = Bytes.wrap(outcome.seqKey());
            byte[] holder = store.get(seqKey);
            // Only its own entry: should another action hold the number, that entry stays.
            if (holder != null && Arrays.equals(holder, DedupKeys.uuidBytes(outcome.actionId()))) {
                store.put(seqKey, null);
            }
        }
    }
}
