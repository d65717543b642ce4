package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.app.ScenelogMainAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commit benchmark's smoke run ({@code --quick}, one commit interval) on its own embedded broker: it completes,
 * prints every row and writes the Markdown snippet. Its figures are never asserted: they depend on the machine.
 */
class CommitBenchCommandIntegrationTest {

    @TempDir
    Path directory;

    @Test
    void shouldReportThroughputRatiosAndLatencyPercentilesInATableAndMarkdown() throws Exception {
        // given
        Path markdown = directory.resolve("performance.md");
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        // when
        int exitCode = commandLine.execute("bench", "commit", "--quick", "--warmup-rounds", "1", "--rounds", "2",
                "--commit-intervals", "50", "--markdown", markdown.toString());

        // then
        assertThat(exitCode).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("bare loop: consume -> decide -> produce (peer)")
                .containsPattern("round 1\\s+round 2\\s+median\\s+ratio")
                .contains("Warm-up round 1 (not counted): bare loop ")
                .contains("Round 2: bare loop ")
                .contains("platform-streams, exactly_once_v2, commit 100 ms")
                .contains("platform-streams, at_least_once, commit 100 ms")
                .contains("bare produce -> consume (same broker, peer)")
                .contains("platform-streams, exactly_once_v2, commit 50 ms")
                .contains("Goals: EOS p50 <= 25 ms and p99 <= 80 ms");
        assertThat(Files.readString(markdown))
                .startsWith("### Commit pipeline (`scenelog bench commit`")
                .contains("| round 1 | round 2 | median | vs bare loop (median of rounds) |",
                        "| p50 ms | p99 ms | p99.9 ms | samples |", "Goals:");
    }
}
