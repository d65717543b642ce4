package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultsTest {

    private static BenchResults results(double eosPerSecond, Percentiles at10ms) {
        Map<Duration, Percentiles> latencies = new LinkedHashMap<>();
        latencies.put(Duration.ofMillis(10), at10ms);
        latencies.put(Duration.ofMillis(100), new Percentiles(70, 210, 260, 300, 15_000, 0));
        return new BenchResults("embedded broker", 50_000, Duration.ofMillis(100), new Throughput(40_000, 2),
                new Throughput((long) (eosPerSecond * 4), 4), new Throughput(40_000, 4), 1000,
                new Percentiles(1.2, 4.5, 9, 12, 15_000, 0), latencies);
    }

    @Test
    void shouldReportRatiosAgainstTheBareLoop() {
        // when
        String table = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).table();

        // then: 20,000 actions/s for the peer, 12,000 and 10,000 for the pipeline
        assertThat(table).containsPattern("bare loop: consume -> decide -> produce \\(peer\\)\\s+20000\\s+1\\.00")
                .containsPattern("exactly_once_v2, commit 100 ms\\s+12000\\s+0\\.60")
                .containsPattern("at_least_once, commit 100 ms\\s+10000\\s+0\\.50");
    }

    @Test
    void shouldJudgeTheGoalsByTheBestCommitInterval() {
        // when
        String met = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).goals();
        String missed = results(8_000, new Percentiles(30, 140, 200, 250, 15_000, 0)).goals();

        // then
        assertThat(met).contains("p50 22.0 ms, p99 75.0 ms at 1,000 actions/s, commit interval 10 ms (met)")
                .contains("0.60x (met)");
        assertThat(missed).contains("p50 30.0 ms, p99 140.0 ms at 1,000 actions/s, commit interval 10 ms (NOT met)")
                .contains("0.40x (NOT met)");
    }

    @Test
    void shouldWriteMarkdownTablesForTheReadme() {
        // when
        String markdown = results(12_000, new Percentiles(22, 75, 90, 95, 15_000, 0)).markdown();

        // then
        assertThat(markdown).startsWith("### Commit pipeline (`scenelog bench commit`, ")
                .contains("| bare loop: consume -> decide -> produce (peer) | 20000 | 1.00 |")
                .contains("| platform-streams, exactly_once_v2, commit 10 ms | 22.0 | 75.0 | 90.0 | 15000 |");
    }
}
