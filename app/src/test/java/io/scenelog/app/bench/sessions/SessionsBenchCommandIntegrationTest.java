package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.ScenelogMainAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sessions benchmark in its smallest configuration, for real: the platform as {@code up} runs it with a render
 * node, one session with its renderer process and a video client through the bridge, then one bare render+encode
 * loop; the command completes, its renderer processes are gone, and the report has every field. Frame rates and
 * loads are never asserted: they depend on the machine.
 */
class SessionsBenchCommandIntegrationTest {

    @TempDir
    Path directory;

    @Test
    void shouldClimbOneStepOnThePlatformAndTheBareLoopsAndReportBoth() throws Exception {
        // given
        Path json = directory.resolve("sessions.json");
        Path markdown = directory.resolve("sessions.md");
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        // when
        int exitCode = commandLine.execute("bench", "sessions", "--sizes", "320x180", "--max-sessions", "1",
                "--platform-warmup", "1s", "--warmup", "0s", "--window", "1s", "--json", json.toString(),
                "--markdown", markdown.toString());

        // then
        String text = out.toString();
        assertThat(exitCode).as(text).isZero();
        assertThat(text).contains("sessions per node:", "sessions held", "bare streams held", "180p30");
        assertThat(RendererProcesses.running()).as("renderer processes left running").isZero();
        JsonNode results = new ObjectMapper().readTree(Files.readString(json));
        assertThat(results.path("codec").asText()).isEqualTo("avc1.42E01F");
        assertThat(results.path("entities").asInt()).as("the demo scene's entities and the bodies").isPositive();
        assertThat(results.path("simulation").asText()).contains("accepted");
        assertThat(results.has("platformIdleCpuLoad")).as(results.toString()).isTrue();
        assertThat(results.path("platformWarmupSeconds").asDouble()).isEqualTo(1.0);
        JsonNode size = results.path("sizes").path(0);
        assertThat(size.path("size").asText()).isEqualTo("320x180");
        for (String field : new String[] {"sessionsHeld", "bareStreamsHeld", "ratio", "platformSteps",
            "bareSteps"}) {
            assertThat(size.has(field)).as("sizes[0]." + field + " in " + size).isTrue();
        }
        for (String steps : new String[] {"platformSteps", "bareSteps"}) {
            JsonNode step = size.path(steps).path(0);
            assertThat(step.path("streams").asInt()).as(steps + ": " + step).isEqualTo(1);
            assertThat(step.path("failure").isNull()).as(steps + ": " + step).isTrue();
            assertThat(step.path("fps")).as(steps + ": " + step).hasSize(1);
            assertThat(step.path("fps").path(0).asDouble()).as(steps + ": " + step).isPositive();
        }
        assertThat(Files.readString(markdown)).contains("| stream | sessions held | bare streams held | ratio |");
    }
}
