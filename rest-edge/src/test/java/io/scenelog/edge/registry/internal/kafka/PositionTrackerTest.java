package io.scenelog.edge.registry.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PositionTrackerTest {

    private final PositionTracker tracker = new PositionTracker();

    @Test
    void shouldReturnAtOnceWhenThePositionIsAlreadyPast() throws InterruptedException {
        // given
        tracker.advanceTo(10);

        // then
        assertThat(tracker.awaitPast(10, Instant.now())).isTrue();
    }

    @Test
    void shouldWakeAWaiterWhenThePositionPassesItsOffset() throws Exception {
        // given
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return tracker.awaitPast(5, Instant.now().plus(Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });

        // when
        tracker.advanceTo(6);

        // then
        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldGiveUpAtTheDeadline() throws InterruptedException {
        assertThat(tracker.awaitPast(1, Instant.now().plus(Duration.ofMillis(20)))).isFalse();
    }

    @Test
    void shouldNeverMoveBackwards() {
        // when
        tracker.advanceTo(7);
        tracker.advanceTo(3);

        // then
        assertThat(tracker.position()).isEqualTo(7);
    }
}
