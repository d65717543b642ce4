package io.scenelog.livelink.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void shouldDoubleTheDelayWithJitterUpToTheMaximum() {
        // when
        long first = backoff.next(null).toMillis();
        long second = backoff.next(null).toMillis();
        long third = backoff.next(null).toMillis();
        backoff.next(null);
        long fifth = backoff.next(null).toMillis();
        long sixth = backoff.next(null).toMillis();

        // then
        assertThat(first).isBetween(80L, 120L);
        assertThat(second).isBetween(160L, 240L);
        assertThat(third).isBetween(320L, 480L);
        assertThat(fifth).isBetween(800L, 1200L);
        assertThat(sixth).isBetween(800L, 1200L);
    }

    @Test
    void shouldNeverWaitLessThanTheBridgeAskedFor() {
        assertThat(backoff.next(5000).toMillis()).isEqualTo(5000);
    }

    @Test
    void shouldStartOverAfterAReset() {
        // given
        backoff.next(null);
        backoff.next(null);
        backoff.next(null);

        // when
        backoff.reset();

        // then
        assertThat(backoff.next(null).toMillis()).isBetween(80L, 120L);
    }

    @Test
    void shouldNotOverflowAfterManyFailures() {
        for (int i = 0; i < 100; i++) {
            backoff.next(null);
        }
        assertThat(backoff.next(null).toMillis()).isBetween(800L, 1200L);
    }
}
