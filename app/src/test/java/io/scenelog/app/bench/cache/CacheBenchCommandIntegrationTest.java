package io.scenelog.app.bench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A small run of {@code scenelog bench cache} against the real embedded platform. */
class CacheBenchCommandIntegrationTest {

    @TempDir
    Path directory;

    @Test
    void shouldFetchOneCopyForConcurrentReadersAndReportBothPeers() throws Exception {
        // given
        Path json = directory.resolve("cache.json");
        Path markdown = directory.resolve("cache.md");
        StringWriter out = new StringWriter();
        // when
        int exit = new CommandLine(new CacheBenchCommand()).setOut(new PrintWriter(out))
                .execute("--size-mb", "2", "--readers", "4", "--rounds", "1", "--json", json.toString(),
                        "--markdown", markdown.toString());
        // then
        assertThat(exit).as(out.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results.get("sizeBytes").asLong()).isEqualTo(2_000_000);
        assertThat(results.get("upstreamBytes").asLong()).isEqualTo(2_000_000);
        assertThat(results.get("readersVerified").asInt()).isEqualTo(4);
        assertThat(results.get("warmToPlainRatio").asDouble()).isPositive();
        assertThat(results.get("directMillis").asDouble()).isPositive();
        assertThat(markdown).content().contains("| warm, node cache |", "plain file read");
        assertThat(out.toString()).contains("warm / plain throughput ratio");
    }
}
