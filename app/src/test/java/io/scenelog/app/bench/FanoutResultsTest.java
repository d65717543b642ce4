package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The fan-out report: its table, the goals judged on the figures, and the JSON document. */
class FanoutResultsTest {

    private static final PhaseDriver.Backlog NO_BACKLOG = new PhaseDriver.Backlog(0, 0, 0);
    private static final CpuProfile.Usage CPU = new CpuProfile.Usage(1.9,
            List.of(new CpuProfile.Share("scenelog-bridge-feed", 0.95)));

    private static FanoutPhase phase(double deliveriesPerSecond, double p99, long lost) {
        PhaseDriver.Window window = new PhaseDriver.Window(new Throughput((long) deliveriesPerSecond * 10, 10),
                new Throughput(10_000, 10), new PhaseDriver.Backlog(1500, 300, 40));
        Percentiles latency = new Percentiles(2.0, p99, p99 + 1, p99 + 2, 500_000, lost);
        return new FanoutPhase(window, new Round.Outcome(latency, 10_000, lost, 0, 0, 0, 3), 0, 0, true, CPU,
                OptionalDouble.of(12.5));
    }

    private static FanoutRun run(int clients, double bridgeSaturated, double bareSaturated, double p99, long lost) {
        FanoutPhase paced = phase(clients * 1000.0, p99, lost);
        FanoutPhase bare = new FanoutPhase(new PhaseDriver.Window(new Throughput(clients * 10_000L, 10),
                new Throughput(10_000, 10), NO_BACKLOG), paced.outcome(), 0, 0, true, CPU, OptionalDouble.empty());
        EndToEnd e2e = new EndToEnd(clients, 20, new Percentiles(30, 55, 60, 61, 300, 0), 0);
        return new FanoutRun(clients, paced, phase(bridgeSaturated, 40, 0), bare, phase(bareSaturated, 30, 0), e2e);
    }

    private static FanoutResults results(double rate, FanoutRun... runs) {
        FanoutBenchSettings settings = new FanoutBenchSettings(List.of(50, 500), rate, Duration.ofSeconds(120),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), 20, Duration.ofMillis(20),
                Optional.empty(), Optional.empty());
        return new FanoutResults("embedded broker", settings, List.of(runs), "one shared HttpClient");
    }

    @Test
    void shouldPassBothGoalsWhenTheFiguresMeetThem() {
        // when
        List<FanoutGoal> goals = results(1000, run(50, 60_000, 100_000, 8.5, 0),
                run(500, 55_000, 100_000, 400, 0)).goals();

        // then
        assertThat(goals).extracting(FanoutGoal::verdict).containsExactly(FanoutGoal.Verdict.PASS,
                FanoutGoal.Verdict.PASS, FanoutGoal.Verdict.PASS);
        assertThat(goals.get(0).measured()).contains("p99 8.5 ms, max 10.5 ms at 1,000 events/s");
        assertThat(goals.get(1).measured()).contains("50 clients 0.60x (60,000 vs 100,000 deliveries/s)",
                "500 clients 0.55x");
    }

    @Test
    void shouldFailTheLatencyGoalOnASlowP99OrALoss() {
        // when
        FanoutGoal slow = results(1000, run(50, 60_000, 100_000, 12, 0)).goals().get(0);
        FanoutGoal lossy = results(1000, run(50, 60_000, 100_000, 5, 2)).goals().get(0);

        // then
        assertThat(slow.verdict()).isEqualTo(FanoutGoal.Verdict.FAIL);
        assertThat(lossy.verdict()).isEqualTo(FanoutGoal.Verdict.FAIL);
        assertThat(lossy.measured()).contains("2 deliveries lost");
    }

    @Test
    void shouldFailTheRatioGoalWhenAnyFleetFallsBelowHalfTheBareBroadcast() {
        // when
        List<FanoutGoal> goals = results(1000, run(50, 60_000, 100_000, 8, 0), run(500, 40_000, 100_000, 8, 0))
                .goals();

        // then
        assertThat(goals.get(1).verdict()).isEqualTo(FanoutGoal.Verdict.FAIL);
        assertThat(goals.get(1).measured()).contains("500 clients 0.40x");
    }

    @Test
    void shouldNotJudgeTheLatencyGoalAtAnotherRateOrWithoutFiftyClients() {
        // when
        FanoutGoal otherRate = results(500, run(50, 60_000, 100_000, 8, 0)).goals().get(0);
        FanoutGoal otherFleet = results(1000, run(10, 60_000, 100_000, 8, 0)).goals().get(0);

        // then
        assertThat(otherRate.verdict()).isEqualTo(FanoutGoal.Verdict.NOT_JUDGED);
        assertThat(otherFleet.verdict()).isEqualTo(FanoutGoal.Verdict.NOT_JUDGED);
    }

    @Test
    void shouldPrintEveryPhaseWithItsRatioToTheBareBroadcast() {
        // when
        String table = results(1000, run(50, 60_000, 100_000, 8.5, 0)).table();

        // then
        assertThat(table)
                .containsPattern("50 clients: bridge, writer paced at 1,000/s \\(commit -> client\\)\\s+50000\\s+1000"
                        + "\\s+2\\.0\\s+8\\.5")
                .containsPattern("50 clients: bare broadcast, saturation \\(send -> client\\)\\s+100000")
                .containsPattern("50 clients: end to end, act\\(\\) -> all 50 clients\\s+-\\s+20\\s+30\\.0\\s+55\\.0")
                .contains("50 clients: paced 1.00x, saturation 0.60x")
                .contains("50 clients: 1500 awaiting commit, 300 committed and awaiting delivery (pipeline-bound), "
                        + "of which 40 per client in the bridge's outbound queue")
                .contains("50 clients: the bridge's own timer, pipeline commit to frame queued for every client, "
                        + "mean 12.5 ms")
                .contains("PASS: p99 commit -> client <= 10 ms with 50 clients at 1,000 events/s");
    }

    @Test
    void shouldWriteTheFiguresAndVerdictsAsJson() throws Exception {
        // when
        JsonNode json = new ObjectMapper().readTree(results(1000, run(50, 60_000, 100_000, 8.5, 0)).json());

        // then
        assertThat(json.path("benchmark").asText()).isEqualTo("fanout");
        JsonNode run = json.path("runs").path(0);
        assertThat(run.path("clients").asInt()).isEqualTo(50);
        assertThat(run.path("bridge").path("paced").path("latencyMs").path("p99").asDouble()).isEqualTo(8.5);
        assertThat(run.path("bridge").path("paced").path("lost").asLong()).isZero();
        assertThat(run.path("bridge").path("paced").path("bridgeQueuingMeanMs").asDouble()).isEqualTo(12.5);
        assertThat(run.path("bare").path("paced").path("bridgeQueuingMeanMs").isNull()).isTrue();
        assertThat(run.path("bare").path("saturation").path("deliveriesPerSecond").asDouble()).isEqualTo(100_000);
        assertThat(run.path("ratios").path("saturation").asDouble()).isEqualTo(0.6);
        assertThat(run.path("endToEnd").path("latencyMs").path("p50").asDouble()).isEqualTo(30);
        assertThat(run.path("bridge").path("paced").path("cpu").path("busiestThreads").path("scenelog-bridge-feed")
                .asDouble()).isEqualTo(0.95);
        assertThat(json.path("goals").findValuesAsText("verdict")).containsExactly("PASS", "PASS", "PASS");
    }

    @Test
    void shouldRefuseSettingsThatMeasureNothing() {
        // when / then
        assertThatThrownBy(() -> new FanoutBenchSettings(List.of(0), 1000, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofMillis(20),
                Optional.empty(), Optional.empty())).hasMessageContaining("--clients 0 is out of range");
        assertThatThrownBy(() -> new FanoutBenchSettings(List.of(5), 0.5, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofMillis(20),
                Optional.empty(), Optional.empty())).hasMessageContaining("sends no event");
    }
}
