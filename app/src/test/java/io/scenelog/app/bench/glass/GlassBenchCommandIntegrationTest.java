package io.scenelog.app.bench.glass;

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
 * The glass-to-glass benchmark in its smallest run: the platform as {@code up} runs it with a real renderer process
 * (Vulkan on lavapipe, FFmpeg), headless Debian Chromium making three colour edits through the viewer page, and the
 * report's shape (table, JSON, Markdown). Latencies are never asserted: they depend on the machine.
 */
class GlassBenchCommandIntegrationTest {

    private static final Path VIEWER = Path.of("..", "livelink-bridge", "viewer").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @Test
    void shouldTimeEveryEditToThePictureAndToItsEvent() throws Exception {
        // given
        Path json = directory.resolve("glass.json");
        Path markdown = directory.resolve("glass.md");
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        // when
        int exitCode = commandLine.execute("bench", "glass", "--edits", "3", "--warmup-edits", "2", "--viewer-dir",
                VIEWER.toString(),
                "--json", json.toString(), "--markdown", markdown.toString());

        // then
        String text = out.toString();
        assertThat(exitCode).as(text).isZero();
        assertThat(text).contains("edit -> picture (glass to glass)", "edit -> event at the page (peer)",
                "ratio glass to glass / event path", "glass to glass p50 <= 80 ms, p99 <= 150 ms (issue 6)");
        JsonNode results = new ObjectMapper().readTree(Files.readString(json));
        assertThat(results.path("viewer").asText()).isEqualTo("640x360");
        assertThat(results.path("edits").asInt()).isEqualTo(3);
        assertThat(results.path("warmupEdits").asInt()).isEqualTo(2);
        assertThat(results.path("samples")).hasSize(3);
        // the warm-up's edits are dropped: the measured ones are the scene's last three versions
        long first = results.path("samples").get(0).path("version").asLong();
        assertThat(results.path("samples").get(2).path("version").asLong()).isEqualTo(first + 2);
        for (String path : new String[] {"glassToGlass", "eventPath"}) {
            assertThat(results.path(path).path("samples").asInt()).as(path + ": " + results.path(path)).isEqualTo(3);
            assertThat(results.path(path).path("p50Millis").isNumber()).as(path).isTrue();
            assertThat(results.path(path).path("p99Millis").isNumber()).as(path).isTrue();
        }
        assertThat(results.path("ratio").path("p50").isNumber()).as(results.path("ratio").toString()).isTrue();
        assertThat(results.path("breakdown").path("frame").path("samples").asInt()).isEqualTo(3);
        // the benchmark's own read_committed reader saw every measured edit's event
        assertThat(results.path("breakdown").path("visible").path("samples").asInt()).isEqualTo(3);
        assertThat(results.path("goal").has("met")).isTrue();
        assertThat(Files.readString(markdown)).startsWith("### Glass to glass (`scenelog bench glass`)");
    }
}
