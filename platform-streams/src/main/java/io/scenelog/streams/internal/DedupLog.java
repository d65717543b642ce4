package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.streams.scene.ClientSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers decided outcomes for duplicate detection, in one store with four key families ({@link DedupKeys}):
 * by actionId, holding the outcome; by client sequence number, holding only the actionId it points to (looked up
 * only for numbers not above the client's highest: a client counting upwards sends each new number once); runs of
 * a client's numbers, one entry per client and busy commit for the numbers beyond the commit's first few (a busy
 * client's numbers would otherwise cost a store write and a changelog record each); and an expiry index by
 * decision time naming the outcomes (and sequence keys) to forget, an entry for each of a commit's first few
 * outcomes and one for the rest. Each outcome is stored once, as the bytes already sent to
 * {@code action-results} (the Confluent wire format), so recording costs no serialisation and the pointers stay
 * small; keys sort as bytes, so the expired entries are one range scan away and purging costs what expired, not
 * what is kept.
 */
final class DedupLog {

    /** The sequence key of an outcome that has none (a command, a refused token). */
    private static final byte[] NOT_INDEXED = new byte[0];

    /** Clients whose highest number a task remembers (a few dozen bytes each), least recently used forgotten. */
    static final int CLIENTS_KEPT = 4096;

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
    /** Each client's numbers recorded since the last commit beyond the first few, stored at the commit. */
    private final Map<Bytes, SeqRun> runs = new HashMap<>();
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
     * The client's highest number recorded, or {@link Long#MIN_VALUE} for none: remembered, else the greater of the
     * last key of the client's numbers and the end of its last run, in the store or held for the commit. It stays an
     * upper bound when purges forget numbers, which is all the lookup needs.
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
        try (KeyValueIterator<Bytes, byte[]> lastRun =
                store.reverseRange(DedupKeys.runFirst(client), DedupKeys.runLast(client))) {
            if (lastRun.hasNext()) {
                highest = Math.max(highest, DedupKeys.runLastSeq(lastRun.next().value));
            }
        }
        SeqRun held = runs.get(client);
        if (held != null) {
            highest = Math.max(highest, held.lastSeq());
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
        byte[] pointer = store.get(DedupKeys.bySeq(client, seq.clientSeq()));
        UUID actionId = pointer != null ? DedupKeys.uuid(pointer, 0) : inRun(client, seq.clientSeq());
        // The outcome and its pointers are written and purged together: a pointer without an outcome cannot
        // happen under exactly-once; should it (at-least-once after a crash), the number is simply not known.
        return actionId == null ? Optional.empty() : byActionId(actionId);
    }

    /** The actionId a run of the client holds for the number, held for the commit or stored, or null. */
    private UUID inRun(Bytes client, long seq) {
        SeqRun held = runs.get(client);
        UUID heldId = held == null ? null : held.find(seq);
        if (heldId != null) {
            return heldId;
        }
        // Runs of a client never overlap: the one that may hold the number is the last one starting at or below it.
        try (KeyValueIterator<Bytes, byte[]> run =
                store.reverseRange(DedupKeys.runFirst(client), DedupKeys.runKey(client, seq))) {
            return run.hasNext() ? DedupKeys.runFind(run.next().value, seq) : null;
        }
    }

    /**
     * Records a first outcome. The first few outcomes of a commit are indexed for expiry at once, each in its own
     * entry; later ones wait for the commit and share one entry ({@link #beforeCommit}). A busy task so writes one
     * expiry entry per commit instead of one per action, and a quiet one sends nothing extra inside the commit
     * (where the producer's flush would wait for it: a few ms on every commit at 1,000 actions/s). Sequence numbers
     * likewise: the first few of a commit, and any not above the client's highest, get their own entry at once; the
     * rest join their client's run, stored at the commit.
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
        boolean atOnce = recordedThisCommit++ < INDEXED_AT_ONCE;
        if (indexClientSeq) {
            seqEntry = indexSeq(result, atOnce, entries);
        }
        DedupKeys.Recorded outcome = new DedupKeys.Recorded(actionId, seqEntry);
        long decidedAt = result.getDecidedAt().toEpochMilli();
        if (atOnce) {
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
     * Indexes the outcome's client sequence number: its own entry (added to {@code entries}) when written at once or
     * not above the client's highest, else in the client's run for this commit.
     *
     * @return the key the expiry index names for the number: its entry's, or its run's
     */
    private byte[] indexSeq(ActionResult result, boolean atOnce, List<KeyValue<Bytes, byte[]>> entries) {
        Bytes client = DedupKeys.client(result.getSceneId(), result.getSessionId(), result.getClientId());
        long seq = result.getClientSeq();
        // Known here unless the client was forgotten since its lookup: then read back, held runs included.
        long highest = highestSeq(client);
        highestSeq.put(client, Math.max(highest, seq));
        if (atOnce || seq <= highest) {
            Bytes seqKey = DedupKeys.bySeq(client, seq);
            entries.add(KeyValue.pair(seqKey, DedupKeys.uuidBytes(result.getActionId())));
            return seqKey.get();
        }
        SeqRun run = runs.computeIfAbsent(client, key -> new SeqRun(key, seq));
        run.add(seq, result.getActionId());
        return run.key().get();
    }

    /**
     * Stores the runs of numbers and indexes the expiry of the outcomes held since the last commit, in one entry:
     * Kafka Streams calls this before it commits the task ({@link PreCommitStore}), so they join the transaction of
     * their outcomes, and a transaction that is abandoned takes its outcomes and these with it.
     */
    void beforeCommit() {
        recordedThisCommit = 0;
        if (held.isEmpty()) {
            return;
        }
        List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>(runs.size() + 1);
        runs.values().forEach(run -> entries.add(KeyValue.pair(run.key(), run.value())));
        entries.add(KeyValue.pair(DedupKeys.byExpiry(newestHeld, held.get(0).actionId()),
                DedupKeys.expiryValue(held)));
        store.putAll(entries);
        runs.clear();
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
        Set<Bytes> runsForgotten = new HashSet<>();
        // Deleted by writing nothing (a tombstone): delete() would read each old value back first, for nothing.
        for (KeyValue<Bytes, byte[]> entry : expired) {
            for (DedupKeys.Recorded outcome : DedupKeys.expiring(entry.key, entry.value)) {
                forget(outcome, runsForgotten);
                forgotten++;
            }
            store.put(entry.key, null);
        }
        return forgotten;
    }

    private void forget(DedupKeys.Recorded outcome, Set<Bytes> runsForgotten) {
        store.put(DedupKeys.byId(outcome.actionId()), null);
        if (DedupKeys.isRun(outcome.seqKey())) {
            // A run's numbers were all recorded in one commit, so one expiry entry names them all: the run goes
            // with the first of them.
            Bytes run = Bytes.wrap(outcome.seqKey());
            if (runsForgotten.add(run)) {
                store.put(run, null);
            }
        } else if (outcome.seqKey().length > 0) {
            Bytes seqKey = Bytes.wrap(outcome.seqKey());
            byte[] holder = store.get(seqKey);
            // Only its own entry: should another action hold the number, that entry stays.
            if (holder != null && Arrays.equals(holder, DedupKeys.uuidBytes(outcome.actionId()))) {
                store.put(seqKey, null);
            }
        }
    }
}
