package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedup log over a real (in-memory) key-value store: lookups by actionId and by client sequence number. */
class DedupLogTest {

    private static final UUID SCENE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Serializer<ActionResult> encoder = Topics.ACTION_RESULTS.valueSerde(registry).serializer();
    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void openStore() {
        store = DedupStores.inMemory();
    }

    @Test
    void shouldFindARecordedNumberAndNoOther() {
        // given
        DedupLog log = newLog();
        ActionResult fifth = record(log, "alice", SESSION, 5);

        // then: the number itself, not its neighbours, not another client's, not outside the session
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "alice", 5))).contains(fifth);
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "alice", 4))).isEmpty();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "alice", 6))).isEmpty();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "alic", 5))).isEmpty();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "alice", 5))).isEmpty();
        assertThat(log.byActionId(fifth.getActionId())).contains(fifth);
    }

    @Test
    void shouldFindOlderNumbersOfAClientThatCountsUpwards() {
        // given: a client already known to the log sends 1..50, then one number is replayed
        DedupLog log = newLog();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "bob", 1))).isEmpty();
        ActionResult tenth = null;
        for (int seq = 1; seq <= 50; seq++) {
            ActionResult result = record(log, "bob", null, seq);
            if (seq == 10) {
                tenth = result;
            }
        }

        // then
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "bob", 10))).contains(tenth);
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "bob", 50))).isPresent();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "bob", 51))).isEmpty();
    }

    @Test
    void shouldReadTheHighestNumberBackFromTheStoreAfterARestart() {
        // given: numbers recorded by one processor (a task before a crash), negative and huge ones too
        DedupLog before = newLog();
        ActionResult low = record(before, "carol", SESSION, -3);
        ActionResult high = record(before, "carol", SESSION, Long.MAX_VALUE - 1);

        // when: a new processor over the same store (the task restarted)
        DedupLog after = newLog();

        // then
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "carol", Long.MAX_VALUE - 1))).contains(high);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "carol", -3))).contains(low);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "carol", Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void shouldNotIndexNumbersOfRefusedTokens() {
        // given
        DedupLog log = newLog();
        ActionResult refused = result("mallory", null, 7);
        log.record(refused, encoder.serialize(Topics.ACTION_RESULTS.name(), refused), false);

        // then: known by its actionId, its number stays free
        assertThat(log.byActionId(refused.getActionId())).contains(refused);
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "mallory", 7))).isEmpty();
    }

    @Test
    void shouldForgetPurgedNumbers() {
        // given
        DedupLog log = newLog();
        ActionResult old = record(log, "dave", null, 1);
        log.beforeCommit();

        // when: purged a day later
        int purged = log.purge(T0.plus(Duration.ofDays(1)).toEpochMilli(), Duration.ofHours(1));

        // then
        assertThat(purged).isEqualTo(1);
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "dave", 1))).isEmpty();
        assertThat(log.byActionId(old.getActionId())).isEmpty();
        assertThat(newLog().byClientSeq(new ClientSeq(SCENE, null, "dave", 1))).isEmpty();
    }

    @Test
    void shouldIndexACommitsFirstOutcomesAtOnceAndTheRestInOneEntryAtItsCommit() {
        // given: a busy transaction, its last outcome without a sequence entry
        DedupLog log = newLog();
        List<ActionResult> results = new ArrayList<>();
        int count = DedupLog.INDEXED_AT_ONCE + 3;
        for (int seq = 1; seq < count; seq++) {
            results.add(record(log, "erin", SESSION, seq));
        }
        ActionResult refused = result("erin", SESSION, count);
        log.record(refused, encoder.serialize(Topics.ACTION_RESULTS.name(), refused), false);
        results.add(refused);
        assertThat(expiryEntries()).isEqualTo(DedupLog.INDEXED_AT_ONCE);

        // when
        log.beforeCommit();
        log.beforeCommit();

        // then: one more entry for the rest (a commit with nothing held writes none); a purge before the horizon
        // keeps all
        assertThat(expiryEntries()).isEqualTo(DedupLog.INDEXED_AT_ONCE + 1);
        assertThat(log.purge(T0.toEpochMilli(), Duration.ofHours(1))).isZero();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "erin", 2))).contains(results.get(1));

        // and after the horizon every one goes, with its sequence entry
        assertThat(log.purge(T0.plus(Duration.ofHours(2)).toEpochMilli(), Duration.ofHours(1))).isEqualTo(count);
        assertThat(expiryEntries()).isZero();
        for (ActionResult result : results) {
            assertThat(log.byActionId(result.getActionId())).isEmpty();
        }
        assertThat(newLog().byClientSeq(new ClientSeq(SCENE, SESSION, "erin", count - 1))).isEmpty();
        assertThat(store.approximateNumEntries()).isZero();

        // and the next commit indexes its first outcomes at once again
        record(log, "erin", SESSION, count + 1);
        assertThat(expiryEntries()).isEqualTo(1);
    }

    @Test
    void shouldKeepABusyCommitsNumbersInOneRunPerClient() {
        // given: a busy commit: its first outcomes, then two clients' numbers (one counting up in steps of two)
        DedupLog log = newLog();
        List<ActionResult> hank = new ArrayList<>();
        int count = DedupLog.INDEXED_AT_ONCE + 20;
        for (int i = 0; i < count; i++) {
            hank.add(record(log, "hank", SESSION, 2L * i));
        }
        ActionResult ivy = record(log, "ivy", SESSION, 100);
        ActionResult ivyNext = record(log, "ivy", SESSION, 101);

        // then: beyond the first outcomes nothing is stored per number, yet every number is found
        assertThat(entries(DedupKeys.firstSeq(client("hank")), DedupKeys.lastSeq(client("hank"))))
                .isEqualTo(DedupLog.INDEXED_AT_ONCE);
        assertThat(entries(DedupKeys.runFirst(client("hank")), DedupKeys.runLast(client("ivy")))).isZero();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "hank", 2L * (count - 1))))
                .contains(hank.get(count - 1));
        assertThat(log.byClientSeq(new ClientSeq(SCENE, SESSION, "hank", 2L * count - 3))).isEmpty();

        // when
        log.beforeCommit();

        // then: one run per client, and a restarted task finds each number, no number between, none above
        assertThat(entries(DedupKeys.runFirst(client("hank")), DedupKeys.runLast(client("hank")))).isEqualTo(1);
        assertThat(entries(DedupKeys.runFirst(client("ivy")), DedupKeys.runLast(client("ivy")))).isEqualTo(1);
        DedupLog after = newLog();
        for (int i = 0; i < count; i++) {
            assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "hank", 2L * i))).contains(hank.get(i));
            assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "hank", 2L * i + 1))).isEmpty();
        }
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "ivy", 100))).contains(ivy);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "ivy", 101))).contains(ivyNext);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, SESSION, "ivy", 99))).isEmpty();

        // and the runs go with the horizon
        assertThat(log.purge(T0.plus(Duration.ofHours(2)).toEpochMilli(), Duration.ofHours(1))).isEqualTo(count + 2);
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldGiveANumberBelowTheClientsHighestItsOwnEntryInABusyCommit() {
        // given: a busy commit in which a client goes back to a number it skipped
        DedupLog log = newLog();
        for (int i = 0; i < DedupLog.INDEXED_AT_ONCE; i++) {
            record(log, "judy", null, 10 + i);
        }
        ActionResult high = record(log, "judy", null, 100);
        ActionResult low = record(log, "judy", null, 50);
        ActionResult higher = record(log, "judy", null, 101);

        // when
        log.beforeCommit();

        // then
        DedupLog after = newLog();
        assertThat(after.byClientSeq(new ClientSeq(SCENE, null, "judy", 50))).contains(low);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, null, "judy", 100))).contains(high);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, null, "judy", 101))).contains(higher);
        assertThat(after.byClientSeq(new ClientSeq(SCENE, null, "judy", 51))).isEmpty();
        assertThat(after.byClientSeq(new ClientSeq(SCENE, null, "judy", 102))).isEmpty();
    }

    @Test
    void shouldCountTheHeldRunOfAClientItHadForgotten() {
        // given: a client's numbers held in a run, then so many other clients that the log forgets its highest
        DedupLog log = newLog();
        for (int seq = 1; seq <= DedupLog.INDEXED_AT_ONCE + 3; seq++) {
            record(log, "kim", null, seq);
        }
        for (int other = 0; other <= DedupLog.CLIENTS_KEPT; other++) {
            log.byClientSeq(new ClientSeq(SCENE, null, "other-" + other, 1));
        }

        // then: its highest is read back with the held run, so a held number is found and the next one is new
        int last = DedupLog.INDEXED_AT_ONCE + 3;
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "kim", last))).isPresent();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "kim", last + 1))).isEmpty();
        ActionResult next = record(log, "kim", null, last + 1);
        log.beforeCommit();
        assertThat(newLog().byClientSeq(new ClientSeq(SCENE, null, "kim", last + 1))).contains(next);
    }

    @Test
    void shouldForgetOutcomesIndexedOneByOneBeforeTheIndexWasPerCommit() {
        // given: an outcome as written before 2026-11-22 (its expiry entry holding only its sequence key)
        ActionResult old = result("frank", null, 9);
        Bytes seqKey = DedupKeys.bySeq(DedupKeys.client(SCENE, null, "frank"), 9);
        store.put(DedupKeys.byId(old.getActionId()), encoder.serialize(Topics.ACTION_RESULTS.name(), old));
        store.put(seqKey, DedupKeys.uuidBytes(old.getActionId()));
        store.put(DedupKeys.byExpiry(T0.toEpochMilli(), old.getActionId()), seqKey.get());
        DedupLog log = newLog();
        assertThat(log.byClientSeq(new ClientSeq(SCENE, null, "frank", 9))).contains(old);

        // when
        int purged = log.purge(T0.plus(Duration.ofHours(2)).toEpochMilli(), Duration.ofHours(1));

        // then
        assertThat(purged).isEqualTo(1);
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldFindStoredIdsWhileAndAfterItReadsThemIntoItsFilter() {
        // given: outcomes recorded by one processor
        DedupLog before = newLog();
        List<ActionResult> results = new ArrayList<>();
        for (int seq = 1; seq <= 20; seq++) {
            results.add(record(before, "gina", null, seq));
        }

        // when: a new processor over the same store (a restarted task), before and after its filter is complete
        DedupLog after = newLog();

        // then
        assertThat(after.byActionId(results.get(3).getActionId())).contains(results.get(3));
        assertThat(after.indexStoredIds()).isTrue();
        assertThat(after.storedIdsIndexed()).isTrue();
        for (ActionResult result : results) {
            assertThat(after.byActionId(result.getActionId())).contains(result);
        }
        assertThat(after.byActionId(UUID.randomUUID())).isEmpty();
    }

    private long expiryEntries() {
        return entries(DedupKeys.expiryFrom(), DedupKeys.expiryBefore(Long.MAX_VALUE));
    }

    private static Bytes client(String clientId) {
        return DedupKeys.client(SCENE, SESSION, clientId);
    }

    private long entries(Bytes from, Bytes to) {
        long n = 0;
        try (var it = store.range(from, to)) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private DedupLog newLog() {
        return new DedupLog(store, Topics.ACTION_RESULTS.valueSerde(registry).deserializer());
    }

    private ActionResult record(DedupLog log, String clientId, UUID sessionId, long clientSeq) {
        ActionResult result = result(clientId, sessionId, clientSeq);
        log.record(result, encoder.serialize(Topics.ACTION_RESULTS.name(), result), true);
        return result;
    }

    private static ActionResult result(String clientId, UUID sessionId, long clientSeq) {
        Results.Sender sender = new Results.Sender(UUID.randomUUID(), SCENE, sessionId, clientId, clientSeq);
        return Results.accepted(sender, clientSeq, T0);
    }
}
