package io.scenelog.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.app.ScenelogMainAccess;
import io.scenelog.app.check.CheckInput;
import io.scenelog.app.check.CheckReport;
import io.scenelog.app.check.CommitLogChecker;
import io.scenelog.app.check.CommittedLogReader;
import io.scenelog.app.check.SceneModel;
import io.scenelog.app.support.TestPlatform;
import io.scenelog.app.support.TestStreams;
import io.scenelog.app.tail.EventJson;
import io.scenelog.model.Components;
import io.scenelog.model.ReasonCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code scenelog simulate} against the shared broker, the registry and a real platform-streams pipeline. */
class SimulateCommandIntegrationTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static TestStreams streams;

    @BeforeAll
    static void startPipeline() {
        streams = TestStreams.start("simulate");
    }

    @AfterAll
    static void stopPipeline() {
        streams.close();
    }

    @Test
    void shouldCreateTheSceneMoveEveryEntityAndReportEachSecond() {
        // when
        Run run = simulate("--create-scene", "--entities", "3", "--rate-hz", "10", "--duration", "2s",
                "--token-key-file", streams.keyFile().toString());

        // then: 1 creation action + 3 entities x 20 rounds, all accepted
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.lines()).anyMatch(l -> l.matches("simulate: t=\\d+\\.\\ds rate=\\d+\\.\\d/s sent=\\d+ "
                + "accepted=\\d+ rejected=\\d+ lag=-?\\d+"));
        assertThat(run.lines().get(run.lines().size() - 1))
                .matches("simulate: done after \\d+\\.\\ds rate=\\d+\\.\\d/s sent=61 accepted=61 rejected=0 lag=0 "
                        + "scene=[0-9a-f-]{36} client=sim-[0-9a-f]{8}");
    }

    @Test
    void shouldLeaveTheLastTransformOfEachEntityInTheCommittedState() throws Exception {
        // given
        SimulationSettings settings = settings(UUID.randomUUID(), true, OptionalLong.of(40));

        // when
        SimulationReport report = new Simulation(settings, new PrintWriter(new StringWriter())).run();

        // then
        assertThat(report.complete()).as("%s", report).isTrue();
        assertThat(report.accepted()).isEqualTo(41);
        CommittedLogReader reader = new CommittedLogReader(TestPlatform.bootstrapServers(), TestPlatform.registry());
        CheckInput committed = reader.read(settings.sceneId(), Map.of(), READ_TIMEOUT);
        CheckReport check = new CommitLogChecker().check(committed);
        assertThat(check.passed()).as(check.describe()).isTrue();
        SceneModel model = new SceneModel();
        committed.events().forEach(model::apply);
        assertThat(model.entities()).containsOnlyKeys(report.entities());
        report.last().forEach((entity, transform) -> assertThat(EventJson.components(
                model.entities().get(entity).components()).get("transform"))
                .isEqualTo(EventJson.components(Components.newBuilder().setTransform(transform)
                        .build()).get("transform")));
    }

    @Test
    void shouldCountRejectionsByReasonWhenTheSceneDoesNotExist() throws Exception {
        // given: no --create-scene
        SimulationSettings settings = settings(UUID.randomUUID(), false, OptionalLong.of(4));

        // when
        SimulationReport report = new Simulation(settings, new PrintWriter(new StringWriter())).run();

        // then: every action answered, none accepted
        assertThat(report.complete()).isTrue();
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.reasons()).containsExactly(Map.entry(ReasonCode.UNKNOWN_SCENE, 5L));
    }

    @Test
    void shouldRefuseToRunWithoutAnEnd() {
        // when
        Run run = simulate("--scene", UUID.randomUUID().toString(), "--token", "a.b.c");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--duration=DURATION", "--count=N");
    }

    private static SimulationSettings settings(UUID scene, boolean create, OptionalLong count) {
        return new SimulationSettings(TestPlatform.bootstrapServers(), TestPlatform.registryUrl(), scene, create, 4,
                20, Optional.empty(), count, Duration.ofSeconds(20), "sim-" + UUID.randomUUID(),
                new TokenSource.Minted(streams.key()));
    }

    private static Run simulate(String... options) {
        List<String> args = new ArrayList<>(List.of("simulate",
                "--bootstrap-servers", TestPlatform.bootstrapServers(),
                "--registry-url", TestPlatform.registryUrl().toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString());
    }

    private record Run(int exitCode, String output) {

        List<String> lines() {
            return output.lines().toList();
        }
    }
}
