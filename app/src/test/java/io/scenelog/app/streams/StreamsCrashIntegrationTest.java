package io.scenelog.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scenelog.app.check.CheckReport;
import io.scenelog.app.check.CommitLogChecker;
import io.scenelog.app.check.CommittedLogReader;
import io.scenelog.app.support.JarProcess;
import io.scenelog.app.support.TestPlatform;
import io.scenelog.app.support.TestStreams;
import io.scenelog.model.ActionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test: kill -9 the platform-streams process while actions flow, restart it; afterwards nothing
 * acknowledged is missing, nothing is applied twice, and the state equals the model computed from the commit log.
 * Bounded: a few thousand actions at a few hundred per second, two process starts.
 */
class StreamsCrashIntegrationTest {

    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int SCENES = 3;
    private static final int MOVES = 3_000;
    private static final int MOVES_PER_SECOND = 400;

    @TempDir
    Path workDirectory;

    @Test
    void shouldLoseNothingAcknowledgedAndApplyNothingTwiceWhenKilledWhileActionsFlow() throws Exception {
        // given: platform-streams as its own process, and scenes with entities
        TestStreams pipeline = TestStreams.prepare("crash");
        CommittedLogReader reader = new CommittedLogReader(TestPlatform.bootstrapServers(), TestPlatform.registry());
        try (pipeline; ActionDriver driver = new ActionDriver(pipeline.key(), SCENES)) {
            JarProcess first = startStreams(pipeline);
            driver.createScenes(reader, 4);
            driver.start(MOVES_PER_SECOND, MOVES);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> committedEvents(reader, driver.scenes()) >= 300);

            // when: killed mid-stream (SIGKILL: no commit, no goodbye), then started again on the same state
            first.kill();
            long acknowledgedAtKill = driver.acknowledgedCount();
            try (JarProcess second = startStreams(pipeline)) {
                driver.awaitSent(Duration.ofSeconds(60));

                // then: every acknowledged action gets its result
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> unresolved(reader, driver) == 0);
                List<String> reports = new ArrayList<>();
                for (UUID scene : driver.scenes()) {
                    CheckReport report = new CommitLogChecker().check(reader.read(scene, driver.acknowledged(scene),
                            READ_TIMEOUT));
                    reports.add(report.describe());
                    assertThat(report.passed()).as(report.describe()).isTrue();
                    assertThat(report.accepted()).isEqualTo(driver.acknowledged(scene).size());
                    assertThat(report.entities()).isEqualTo(4);
                }
                assertThat(acknowledgedAtKill).as("actions flowed when the process was killed: %s", reports)
                        .isLessThan(driver.acknowledgedCount());
                assertThat(second.stop(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }

    private JarProcess startStreams(TestStreams pipeline) {
        return JarProcess.start(workDirectory, "384m", "Press Ctrl-C to stop.", START_DEADLINE, "streams",
                "--bootstrap-servers", TestPlatform.bootstrapServers(),
                "--registry-url", TestPlatform.registryUrl().toString(),
                "--token-key-file", pipeline.keyFile().toString(),
                "--state-dir", pipeline.stateDirectory().toString(),
                "--application-id", pipeline.applicationId(),
                "--commit-interval-ms", "50",
                "--instance-id", "crash-test",
                "--replication-factor", "1");
    }

    private static long committedEvents(CommittedLogReader reader, List<UUID> scenes) {
        return scenes.stream().mapToLong(scene -> reader.events(scene, READ_TIMEOUT).size()).sum();
    }

    private static long unresolved(CommittedLogReader reader, ActionDriver driver) {
        long unresolved = 0;
        for (UUID scene : driver.scenes()) {
            Set<UUID> answered = reader.results(scene, READ_TIMEOUT).stream().map(ActionResult::getActionId)
                    .collect(Collectors.toSet());
            unresolved += driver.acknowledged(scene).keySet().stream().filter(id -> !answered.contains(id)).count();
        }
        return unresolved;
    }
}
