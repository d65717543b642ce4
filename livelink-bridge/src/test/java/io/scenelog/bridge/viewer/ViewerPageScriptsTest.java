package io.scenelog.bridge.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer page's own tests ({@code livelink-bridge/viewer/test/*.test.mjs}: the codec against the golden frames,
 * in Node and as the browser bundle; the mirror's folding and resume rules; the connection's handshake, heartbeat
 * and reconnects) run with {@code node --test} as part of the Maven build.
 */
class ViewerPageScriptsTest {

    private static final Path VIEWER = Path.of("viewer").toAbsolutePath();
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    void shouldPassThePageOwnNodeTests() throws IOException, InterruptedException {
        // given
        if (!Files.isDirectory(VIEWER.resolve("node_modules").resolve("esbuild"))) {
            fail("The viewer's npm packages are not installed (" + VIEWER.resolve("node_modules")
                    + " lacks esbuild): run scripts/bootstrap.sh (it runs npm ci in livelink-bridge/viewer).");
        }
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(VIEWER.resolve("test"))) {
            files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".test.mjs")).sorted()
                    .forEach(name -> command.add("test/" + name));
        }
        Path output = work.resolve("node-test.out");

        // when
        Process process = new ProcessBuilder(command).directory(VIEWER.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node --test did not finish within " + DEADLINE_SECONDS + " s:\n" + Files.readString(output));
        }

        // then
        String report = Files.readString(output);
        assertThat(command).as("the page's test files").hasSizeGreaterThan(4);
        assertThat(process.exitValue()).as("node --test said:%n%s", report).isZero();
        assertThat(report).contains("# fail 0").doesNotContain("# pass 0");
    }
}
