package io.scenelog.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant START = Instant.parse("2025-01-31T12:00:00Z");

    private final List<String> sent = new ArrayList<>();

    private Pacer pacer(long total) {
        return new Pacer(START, total, 3, 10, (index, seconds) -> sent.add(index + "@" + seconds));
    }

    @Test
    void shouldSendNothingBeforeTheFirstRoundIsDue() {
        // when
        long count = pacer(30).tick(START.plusMillis(99));

        // then
        assertThat(count).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldSendOneUpdatePerEntityPerRoundAtTheRoundsTime() {
        // when: 10 Hz, 3 entities, 0.2 s in
        long count = pacer(30).tick(START.plusMillis(200));

        // then
        assertThat(count).isEqualTo(6);
        assertThat(sent).containsExactly("0@0.1", "1@0.1", "2@0.1", "3@0.2", "4@0.2", "5@0.2");
    }

    @Test
    void shouldCatchUpAfterALateTickAndStopAtTheTotal() {
        // given
        Pacer pacer = pacer(7);
        pacer.tick(START.plusMillis(100));

        // when: the next tick comes a second late
        long count = pacer.tick(START.plusSeconds(1));

        // then: everything due is sent, but no more than the total
        assertThat(count).isEqualTo(7);
        assertThat(sent).hasSize(7).endsWith("6@0.3");
    }

    @Test
    void shouldTickBetweenOneMillisecondAndOneHundred() {
        // when / then
        assertThat(Pacer.tickMicros(5)).isEqualTo(100_000);
        assertThat(Pacer.tickMicros(50)).isEqualTo(20_000);
        assertThat(Pacer.tickMicros(1000)).isEqualTo(1_000);
    }
}
