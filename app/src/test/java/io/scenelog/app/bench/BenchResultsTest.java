package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultsTest {

    private static BenchResults results(double eosPerSecond, Percentiles at10ms) {
        return results(List.of(round(20_000, eosPerSecond, 10_000)), at10ms);
    }

    private static BenchResults results(List<ThroughputRound> rounds, Percentiles at10ms) {
        Map<Duration, Percentiles> latencies = new LinkedHashMap<>();
        latencies.put(Duration.ofMillis(10), at10ms);
        latencies.put(Duration.ofMillis(100), new Percentiles(70, 210, 260, 300, 15_000, 0));
        return new BenchResults("embedded broker", 50_000, Duration.ofMillis(100), rounds, 1000,
                new Percentiles(1.2, 4.5, 9, 12, 15_000, 0), latencies);
    }

    /** A round with these rates (events over a 4 s window). */
    private static ThroughputRound round(double peer, double eos, double alos) {
        return new ThroughputRound(new Throughput((long) (peer * 4), 4), new Throughput((long) (eos * 4), 4),
                new Throughput((long) (alos * 4), 4));
    }

    @Test
    void shouldReportRatiosAgainstTheBareLoop() {
        // when
        String table = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).table();

        // then: 20,000 actions/s for the peer, 12,000 and 10,000 for the pipeline
        assertThat(table)
                .containsPattern("bare loop: consume -> decide -> produce \\(peer\\)\\s+20000\\s+20000\\s+1\\.00")
                .containsPattern("exactly_once_v2, commit 100 ms\\s+12000\\s+12000\\s+0\\.60")
                .containsPattern("at_least_once, commit 100 ms\\s+10000\\s+10000\\s+0\\.50");
    }

    @Test
    void shouldJudgeThroughputByTheMedianOfTheRoundsRatios() {
        // given: the second round's bare loop was disturbed (its ratio 0.80 is an outlier), the third's pipeline
        List<ThroughputRound> rounds = List.of(round(30_000, 12_000, 13_000), round(15_000, 12_000, 13_000),
                round(30_000, 9_000, 13_000));

        // when
        BenchResults results = results(rounds, new Percentiles(22, 75, 90, 95, 15_000, 0));

        // then: ratios 0.40, 0.80, 0.30; rates per round and their medians are printed
        assertThat(results.exactlyOnceRatio()).isCloseTo(0.40, within(1e-9));
        assertThat(results.table())
                .containsPattern("round 1\\s+round 2\\s+round 3\\s+median\\s+ratio")
                .containsPattern("exactly_once_v2, commit 100 ms\\s+12000\\s+12000\\s+9000\\s+12000\\s+0\\.40");
        assertThat(results.goals()).contains("0.40x, the median of 3 rounds (NOT met)");
    }

    @Test
    void shouldTakeTheMeanOfTheMiddleTwoForAnEvenNumberOfRounds() {
        // given
        List<ThroughputRound> rounds = List.of(round(20_000, 10_000, 10_000), round(20_000, 12_000, 10_000));

        // then
        assertThat(ThroughputRound.median(rounds, ThroughputRound::exactlyOnceRatio)).isCloseTo(0.55,
                within(1e-9));
    }

    @Test
    void shouldJudgeTheGoalsByTheBestCommitInterval() {
        // when
        String met = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).goals();
        String missed = results(8_000, new Percentiles(30, 140, 200, 250, 15_000, 0)).goals();

        // then
        assertThat(met).contains("p50 22.0 ms, p99 75.0 ms at 1,000 actions/s, commit interval 10 ms (met)")
                .contains("0.60x, one round (met)");
        assertThat(missed).contains("p50 30.0 ms, p99 140.0 ms at 1,000 actions/s, commit interval 10 ms (NOT met)")
                .contains("0.40x, one round (NOT met)");
    }

    @Test
    void shouldWriteMarkdownTablesForTheReadme() {
        // when
        String markdown = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).markdown();

        // then
        assertThat(markdown).startsWith("### Commit pipeline (`scenelog bench commit`, ")
                .contains("| bare loop: consume -> decide -> produce (peer) | 20000 | 20000 | 1.00 |")
                .contains("| platform-streams, exactly_once_v2, commit 10 ms | 22.0 | 75.0 | 90.0 | 15000 |");
    }
}
