package io.scenelog.app.bench.glass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldTakeNearestRankPercentilesOfUnsortedSamples() {
        // given: 1..100 ms, shuffled
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            millis.add((double) ((i * 37) % 100 + 1));
        }

        // when
        LatencySummary summary = LatencySummary.of(millis);

        // then
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.mean()).isEqualTo(50.5);
        assertThat(summary.samples()).isEqualTo(100);
    }

    @Test
    void shouldTakeTheLargestSampleAsP99OfFewerThanOneHundred() {
        // given
        List<Double> millis = List.of(90.0, 10.0, 30.0, 20.0, 70.0);

        // when
        LatencySummary summary = LatencySummary.of(millis);

        // then
        assertThat(summary.p50()).isEqualTo(30.0);
        assertThat(summary.p99()).isEqualTo(90.0);
    }

    @Test
    void shouldReportNoFiguresForNoSamples() {
        // when
        LatencySummary summary = LatencySummary.of(List.of());

        // then
        assertThat(summary.samples()).isZero();
        assertThat(summary.p50()).isNaN();
        assertThat(summary.json()).containsEntry("p50Millis", null).containsEntry("samples", 0);
    }

    @Test
    void shouldDivideByThePeersPercentiles() {
        // given
        LatencySummary glass = LatencySummary.of(List.of(90.0, 100.0, 150.0));
        LatencySummary event = LatencySummary.of(List.of(45.0, 50.0, 60.0));

        // then
        assertThat(glass.p50Ratio(event)).isEqualTo(2.0);
        assertThat(glass.p99Ratio(event)).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseAPercentOutsideItsRange() {
        assertThatThrownBy(() -> LatencySummary.percentile(new double[] {1.0}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent");
    }
}
