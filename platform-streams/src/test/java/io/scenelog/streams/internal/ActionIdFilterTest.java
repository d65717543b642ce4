package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionIdFilterTest {

    private static final byte[] OUTCOME = {0, 0, 0, 0, 1, 2};

    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void openStore() {
        store = DedupStores.inMemory();
    }

    @Test
    void shouldAnswerAtOnceForAnEmptyStoreAndNeverMissAnAddedId() {
        // given
        ActionIdFilter filter = new ActionIdFilter(store);
        assertThat(filter.indexSome(10)).isTrue();
        List<UUID> added = record(filter, 1_000);

        // then: every added id is "maybe", and most others are surely absent
        assertThat(added).noneMatch(filter::surelyAbsent);
        assertThat(falsePositives(filter, 10_000)).isLessThan(300);
    }

    @Test
    void shouldStayUnsureUntilItHasReadEveryStoredId() {
        // given: a store that already holds 12,000 ids, and entries of the other families around them
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            UUID id = UUID.randomUUID();
            stored.add(id);
            store.put(DedupKeys.byId(id), OUTCOME);
            store.put(DedupKeys.byExpiry(i, id), new byte[0]);
        }
        store.put(DedupKeys.bySeq(DedupKeys.client(UUID.randomUUID(), null, "c"), 1), new byte[16]);
        ActionIdFilter filter = new ActionIdFilter(store);

        // when: read a slice at a time, ids recorded in between
        int slices = 0;
        List<UUID> recorded = new ArrayList<>();
        while (!filter.indexSome(5_000)) {
            slices++;
            assertThat(filter.complete()).isFalse();
            assertThat(filter.surelyAbsent(UUID.randomUUID())).isFalse();
            recorded.addAll(record(filter, 10));
        }

        // then
        assertThat(slices).isEqualTo(2);
        assertThat(stored).noneMatch(filter::surelyAbsent);
        assertThat(recorded).noneMatch(filter::surelyAbsent);
        assertThat(falsePositives(filter, 10_000)).isLessThan(300);
    }

    @Test
    void shouldStartAgainLargerWhenItOutgrowsItsSize() {
        // given: a filter sized for an empty store
        ActionIdFilter filter = new ActionIdFilter(store);
        filter.indexSome(1);
        List<UUID> recorded = record(filter, (int) ActionIdFilter.MIN_CAPACITY + 10);

        // then: it started again, unsure until it has read the store once more
        assertThat(filter.complete()).isFalse();
        assertThat(filter.surelyAbsent(UUID.randomUUID())).isFalse();
        while (!filter.indexSome(20_000)) {
            recorded.addAll(record(filter, 5));
        }
        assertThat(recorded).noneMatch(filter::surelyAbsent);
        assertThat(falsePositives(filter, 10_000)).isLessThan(300);
    }

    /** Records ids as the dedup log does: in the store, then in the filter. */
    private List<UUID> record(ActionIdFilter filter, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            store.put(DedupKeys.byId(id), OUTCOME);
            filter.add(id);
            ids.add(id);
        }
        return ids;
    }

    private static int falsePositives(ActionIdFilter filter, int tries) {
        int unsure = 0;
        for (int i = 0; i < tries; i++) {
            if (!filter.surelyAbsent(new UUID(i, 42L))) {
                unsure++;
            }
        }
        return unsure;
    }
}
