package io.scenelog.renderer.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final long INTERVAL = 50;

    @Test
    void shouldLetTheFirstValueThroughAndHoldTheNextUntilTheIntervalPassed() {
        // given
        Coalescer<String, Integer> coalescer = new Coalescer<>(INTERVAL);

        // when
        assertThat(coalescer.offer("alice", 1, 1_000)).contains(1);
        assertThat(coalescer.offer("alice", 2, 1_010)).isEmpty();
        assertThat(coalescer.offer("alice", 3, 1_020)).isEmpty();

        // then only the latest waits, and only once the interval has passed
        assertThat(coalescer.nextDue()).hasValue(1_050);
        assertThat(coalescer.due(1_049)).isEmpty();
        assertThat(coalescer.due(1_050)).isEqualTo(Map.of("alice", 3));
        assertThat(coalescer.due(2_000)).isEmpty();
    }

    @Test
    void shouldRationEachKeyOnItsOwn() {
        // given
        Coalescer<String, Integer> coalescer = new Coalescer<>(INTERVAL);
        coalescer.offer("alice", 1, 1_000);

        // when
        var bob = coalescer.offer("bob", 7, 1_001);

        // then
        assertThat(bob).contains(7);
    }

    @Test
    void shouldNeverLetMoreThanOneValuePerIntervalThrough() {
        // given a value offered every 10 ns for a long while
        Coalescer<String, Integer> coalescer = new Coalescer<>(INTERVAL);
        int sent = 0;
        for (int i = 0; i < 1_000; i++) {
            long now = i * 10L;
            sent += coalescer.offer("alice", i, now).isPresent() ? 1 : 0;
            sent += coalescer.due(now).size();
        }

        // then at most one per 50 ns over 10,000 ns
        assertThat(sent).isBetween(199, 201);
    }
}
