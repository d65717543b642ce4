package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scenelog.app.support.SampleEvents;
import io.scenelog.model.SceneEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fan-out tally: deliveries counted per client by version, timed from their reference. */
class RoundTest {

    private static final UUID SCENE = UUID.randomUUID();
    private static final String WRITER = "writer";
    private static final long MS = 1_000_000;

    private static SceneEvent event(long version, String emitter) {
        return SampleEvents.event(SCENE, version, emitter, Instant.EPOCH, List.of());
    }

    @Test
    void shouldCountLostAndDuplicatedDeliveriesPerClient() {
        // given two clients and two measured events
        Round round = new Round(WRITER, 10, 2, null);
        round.reference(11, 0, true);
        round.reference(12, 0, true);

        // when client 0 gets both, one twice, and client 1 only the second
        round.delivered(0, event(11, WRITER), MS);
        round.delivered(0, event(12, WRITER), MS);
        round.delivered(0, event(12, WRITER), MS);
        round.delivered(1, event(12, WRITER), MS);
        Round.Outcome outcome = round.finish();

        // then
        assertThat(round.deliveries()).isEqualTo(3);
        assertThat(outcome.expected()).isEqualTo(2);
        assertThat(outcome.lost()).isEqualTo(1);
        assertThat(outcome.behind()).isZero();
        assertThat(outcome.duplicated()).isEqualTo(1);
        assertThat(outcome.latency().missing()).isEqualTo(1);
        assertThat(outcome.latency().samples()).isEqualTo(3);
    }

    @Test
    void shouldCountEventsAfterAClientsNewestAsBehindNotLost() {
        // given
        Round round = new Round(WRITER, 10, 1, null);
        round.reference(11, 0, true);
        round.reference(12, 0, true);
        round.reference(13, 0, true);

        // when the client is still one event short when the round ends
        round.delivered(0, event(11, WRITER), MS);
        round.delivered(0, event(12, WRITER), MS);
        Round.Outcome outcome = round.finish();

        // then
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.behind()).isEqualTo(1);
        assertThat(outcome.latency().missing()).isEqualTo(1);
    }

    @Test
    void shouldTimeEachDeliveryFromItsEventsReference() {
        // given
        Round round = new Round(WRITER, 0, 1, null);
        round.reference(1, 10 * MS, true);

        // when
        round.delivered(0, event(1, WRITER), 13 * MS);

        // then
        assertThat(round.finish().latency().p50()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void shouldTimeADeliveryThatBeatItsReferenceWhenTheRoundEnds() {
        // given a client that sees the event before the commit reader does
        Round round = new Round(WRITER, 0, 1, null);
        round.delivered(0, event(1, WRITER), 20 * MS);

        // when the reference arrives later, from an earlier instant
        round.reference(1, 18 * MS, true);
        Round.Outcome outcome = round.finish();

        // then
        assertThat(outcome.early()).isEqualTo(1);
        assertThat(outcome.latency().p50()).isCloseTo(2.0, within(0.01));
        assertThat(outcome.lost()).isZero();
    }

    @Test
    void shouldCountButNotTimeWarmUpEvents() {
        // given
        Round round = new Round(WRITER, 0, 1, null);
        round.reference(1, 0, false);

        // when
        round.delivered(0, event(1, WRITER), 5 * MS);
        Round.Outcome outcome = round.finish();

        // then
        assertThat(outcome.latency().samples()).isZero();
        assertThat(outcome.expected()).isEqualTo(1);
        assertThat(outcome.lost()).isZero();
    }

    @Test
    void shouldBeCompleteOnlyWhenTheSlowestClientHasEveryReferencedEvent() {
        // given
        Round round = new Round(WRITER, 0, 2, null);
        round.reference(1, 0, true);
        round.reference(2, 0, true);
        round.delivered(0, event(1, WRITER), MS);
        round.delivered(0, event(2, WRITER), MS);
        round.delivered(1, event(1, WRITER), MS);

        // when / then
        assertThat(round.slowest()).isEqualTo(1);
        assertThat(round.complete()).isFalse();
        round.delivered(1, event(2, WRITER), MS);
        assertThat(round.complete()).isTrue();
    }

    @Test
    void shouldHandOtherEmittersEventsToTheTapAndNotCountThem() {
        // given
        List<Long> tapped = new ArrayList<>();
        Round round = new Round(WRITER, 0, 1, (client, event, nanos) -> tapped.add(event.getVersion()));

        // when
        round.delivered(0, event(7, "someone-else"), MS);

        // then
        assertThat(tapped).containsExactly(7L);
        assertThat(round.deliveries()).isZero();
        assertThat(round.finish().unexpected()).isZero();
    }
}
