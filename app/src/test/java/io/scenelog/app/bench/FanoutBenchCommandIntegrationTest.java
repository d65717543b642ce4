package io.scenelog.app.bench;

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
 * The fan-out benchmark in a tiny configuration on its own platform (broker, edge, pipeline, bridge): three Livelink
 * clients joined through REST, every phase run, every committed event delivered to every client exactly once, and
 * the report's shape (table, goals, JSON). Latencies and rates are never asserted: they depend on the machine.
 */
class FanoutBenchCommandIntegrationTest {

    @TempDir
    Path directory;

    @Test
    void shouldDeliverEveryEventToEveryClientAndReportEachPhase() throws Exception {
        // given
        Path json = directory.resolve("fanout.json");
        Path markdown = directory.resolve("fanout.md");
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        // when
        int exitCode = commandLine.execute("bench", "fanout", "--clients", "3", "--rate", "100",
                "--platform-warmup", "1s", "--warmup", "1s", "--duration", "2s", "--saturation", "2s",
                "--e2e-rate", "10", "--json", json.toString(), "--markdown", markdown.toString());

        // then
        String text = out.toString();
        assertThat(exitCode).as(text).isZero();
        assertThat(text).contains("3 clients, bridge, platform warm-up (discarded): ",
                "3 clients: bridge, writer paced at 100/s (commit -> client)",
                "3 clients: bare broadcast, saturation (send -> client)", "end to end, act() -> all 3 clients",
                "Goals:", "every committed event reaches every client exactly once");
        JsonNode results = new ObjectMapper().readTree(Files.readString(json));
        assertThat(results.path("runs")).hasSize(1);
        JsonNode run = results.path("runs").path(0);
        assertThat(run.path("clients").asInt()).isEqualTo(3);
        for (String path : new String[] {"bridge", "bare"}) {
            for (String phase : new String[] {"paced", "saturation"}) {
                JsonNode figures = run.path(path).path(phase);
                assertThat(figures.path("events").asLong()).as(path + " " + phase + ": " + figures).isPositive();
                assertThat(figures.path("deliveriesPerSecond").asDouble()).as(path + " " + phase).isPositive();
                assertThat(figures.path("lost").asLong()).as(path + " " + phase + ": " + figures).isZero();
                assertThat(figures.path("duplicated").asLong()).as(path + " " + phase + ": " + figures).isZero();
                assertThat(figures.path("drained").asBoolean()).as(path + " " + phase + ": " + figures).isTrue();
            }
        }
        assertThat(run.path("bridge").path("paced").path("slowConsumerDisconnects").asLong()).isZero();
        assertThat(run.path("endToEnd").path("incomplete").asLong()).as(run.toString()).isZero();
        assertThat(run.path("endToEnd").path("rejected").asLong()).as(run.toString()).isZero();
        assertThat(run.path("endToEnd").path("latencyMs").path("samples").asLong()).isPositive();
        assertThat(results.path("goals")).hasSize(3);
        assertThat(results.path("goals").path(2).path("verdict").asText()).isEqualTo("PASS");
        assertThat(Files.readString(markdown)).startsWith("### Livelink fan-out (`scenelog bench fanout`")
                .contains("| deliveries/s | events/s | p50 ms | p99 ms |");
    }
}
