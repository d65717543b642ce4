package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.app.ScenelogMainAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The REST benchmark with tiny settings on its own embedded broker: it sets up through the API, runs the read
 * and write phases and both pipeline peers, and reports non-zero rates without a single failed call. Latencies are
 * never asserted: they depend on the machine.
 */
class RestBenchCommandIntegrationTest {

    /** A table row's rate: the first number after the row's name. */
    private static final String RATE = "\\s+(\\d+)\\s";

    @TempDir
    Path directory;

    @Test
    void shouldReportReadWriteAndPipelineRatesWithoutErrors() throws Exception {
        // given
        Path markdown = directory.resolve("rest.md");
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        // when
        // four clients alone can outrun the API's default 200 requests/s per principal: lift it, as the option says
        int exitCode = commandLine.execute("bench", "rest", "--clients", "4", "--entities", "8", "--warmup", "1s",
                "--duration", "2s", "--rate-limit", "100000", "--markdown", markdown.toString());

        // then
        String text = out.toString();
        assertThat(exitCode).as(text).isZero();
        assertThat(rate(text, "REST reads: GET /scenes/{id}/entities/{entityId}, 4 clients in closed loops"))
                .as(text).isPositive();
        assertThat(rate(text, "REST writes: PATCH /scenes/{id}/entities/{entityId}, 4 clients in closed loops"))
                .as(text).isPositive();
        assertThat(rate(text, "pipeline (peer): SceneAction -> ActionResult, 4 clients in closed loops"))
                .as(text).isPositive();
        assertThat(rate(text, "pipeline (peer): SceneAction -> ActionResult, paced at the REST write rate"))
                .as(text).isPositive();
        assertThat(text).contains("REST write overhead, same run, same broker").contains("Errors: none");
        assertThat(Files.readString(markdown)).startsWith("### REST API (`scenelog bench rest`")
                .contains("| per s | p50 ms | p99 ms | p99.9 ms | max ms | errors |", "Errors: none");
    }

    private static long rate(String text, String row) {
        Matcher matcher = Pattern.compile(Pattern.quote(row) + RATE).matcher(text);
        assertThat(matcher.find()).as("row '" + row + "' in:%n" + text).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
