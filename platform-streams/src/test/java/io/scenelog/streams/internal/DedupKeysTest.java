package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class DedupKeysTest {

    private static final UUID SCENE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final UUID ACTION = UUID.fromString("ffffffff-0000-0000-0000-000000000001");

    @Test
    void shouldSortExpiryKeysByDecisionTime() {
        // given
        Bytes earlier = DedupKeys.byExpiry(1_000L, ACTION);
        Bytes later = DedupKeys.byExpiry(1_001L, UUID.fromString("00000000-0000-0000-0000-000000000000"));
        Bytes muchLater = DedupKeys.byExpiry(Long.MAX_VALUE, ACTION);

        // then
        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
        assertThat(DedupKeys.byExpiry(-1L, ACTION)).isLessThan(DedupKeys.byExpiry(0L, ACTION));
    }

    @Test
    void shouldBoundExactlyTheOutcomesDecidedBeforeTheCutoff() {
        // given
        Bytes bound = DedupKeys.expiryBefore(5_000L);

        // then: before the cutoff inside, at the cutoff outside, like the text keys before
        assertThat(DedupKeys.byExpiry(4_999L, ACTION)).isLessThan(bound).isGreaterThan(DedupKeys.expiryFrom());
        assertThat(DedupKeys.byExpiry(5_000L, UUID.fromString("00000000-0000-0000-0000-000000000000")))
                .isGreaterThan(bound);
    }

    @Test
    void shouldKeepTheExpiryFamilyApartFromTheOthers() {
        // given
        Bytes from = DedupKeys.expiryFrom();
        Bytes to = DedupKeys.expiryBefore(Long.MAX_VALUE);

        // then
        assertThat(DedupKeys.byId(ACTION)).isLessThan(from);
        assertThat(DedupKeys.bySeq(DedupKeys.client(SCENE, SESSION, "alice"), Long.MAX_VALUE)).isGreaterThan(to);
        assertThat(to.get()[0]).isEqualTo(from.get()[0]);
    }

    @Test
    void shouldReadTheActionIdBackFromAnExpiryKey() {
        assertThat(DedupKeys.actionIdOfExpiry(DedupKeys.byExpiry(123L, ACTION))).isEqualTo(ACTION);
        assertThat(DedupKeys.uuid(DedupKeys.uuidBytes(ACTION), 0)).isEqualTo(ACTION);
    }

    @Test
    void shouldTellAClientSeqWithoutSessionFromOneInASession() {
        // given: the same numbers, once without a session and once in one
        Bytes withoutSession = DedupKeys.bySeq(DedupKeys.client(SCENE, null, "alice"), 7L);
        Bytes inSession = DedupKeys.bySeq(DedupKeys.client(SCENE, SESSION, "alice"), 7L);

        // then
        assertThat(withoutSession).isNotEqualTo(inSession);
        assertThat(DedupKeys.bySeq(DedupKeys.client(SCENE, null, "alice"), 7L)).isEqualTo(withoutSession);
        assertThat(DedupKeys.bySeq(DedupKeys.client(SCENE, null, "alice"), 8L)).isNotEqualTo(withoutSession);
        assertThat(DedupKeys.bySeq(DedupKeys.client(SCENE, null, "alice2"), 7L)).isNotEqualTo(withoutSession);
    }

    @Test
    void shouldKeepAClientsNumbersInOneRangeInNumberOrder() {
        // given
        Bytes alice = DedupKeys.client(SCENE, SESSION, "alice");
        Bytes first = DedupKeys.firstSeq(alice);
        Bytes last = DedupKeys.lastSeq(alice);

        // then: numbers sort numerically inside the client's range
        assertThat(DedupKeys.bySeq(alice, -1L)).isLessThan(DedupKeys.bySeq(alice, 0L));
        assertThat(DedupKeys.bySeq(alice, 9L)).isLessThan(DedupKeys.bySeq(alice, 10L));
        assertThat(DedupKeys.bySeq(alice, 255L)).isLessThan(DedupKeys.bySeq(alice, 256L));
        assertThat(DedupKeys.bySeq(alice, 42L)).isGreaterThan(first).isLessThan(last);
        // and a client whose id starts like alice's, or continues it, stays outside that range
        for (String other : new String[] {"alic", "alice2", "alicf", "b"}) {
            Bytes key = DedupKeys.bySeq(DedupKeys.client(SCENE, SESSION, other), 42L);
            assertThat(key.compareTo(first) < 0 || key.compareTo(last) > 0).as(other).isTrue();
        }
    }

    @Test
    void shouldReadTheNumberBackFromASequenceKey() {
        Bytes bob = DedupKeys.client(SCENE, null, "bob");
        for (long seq : new long[] {Long.MIN_VALUE, -1L, 0L, 7L, Long.MAX_VALUE}) {
            assertThat(DedupKeys.seqOf(DedupKeys.bySeq(bob, seq))).isEqualTo(seq);
        }
    }

    @Test
    void shouldFindANumberInARunAndNoOther() {
        // given
        long[] seqs = {-5, 3, 4, 90, Long.MAX_VALUE};
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

        // when
        byte[] run = DedupKeys.runValue(seqs, ids, seqs.length);

        // then
        for (int i = 0; i < seqs.length; i++) {
            assertThat(DedupKeys.runFind(run, seqs[i])).isEqualTo(ids[i]);
        }
        assertThat(DedupKeys.runFind(run, 5)).isNull();
        assertThat(DedupKeys.runFind(run, Long.MIN_VALUE)).isNull();
        assertThat(DedupKeys.runLastSeq(run)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldKeepAClientsRunsInOneRangeApartFromItsNumbers() {
        Bytes bob = DedupKeys.client(SCENE, null, "bob");
        Bytes run = DedupKeys.runKey(bob, 7);
        assertThat(DedupKeys.isRun(run.get())).isTrue();
        assertThat(DedupKeys.isRun(DedupKeys.bySeq(bob, 7).get())).isFalse();
        assertThat(run.compareTo(DedupKeys.runFirst(bob)) > 0 && run.compareTo(DedupKeys.runLast(bob)) < 0).isTrue();
        assertThat(run.compareTo(DedupKeys.runKey(bob, 8)) < 0).isTrue();
        assertThat(run.compareTo(DedupKeys.lastSeq(bob)) > 0).isTrue();
        Bytes bobby = DedupKeys.client(SCENE, null, "bobby");
        assertThat(DedupKeys.runKey(bobby, 7).compareTo(DedupKeys.runLast(bob)) > 0).isTrue();
    }
}
