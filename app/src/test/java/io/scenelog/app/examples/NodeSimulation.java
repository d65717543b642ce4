package io.scenelog.app.examples;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code examples/simulation-node/simulate.js} with a deadline and returns its JSON summary; fails with
 * instructions when Node or the example's packages are missing, so the test never skips silently.
 */
final class NodeSimulation {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeSimulation() {
    }

    /** The outcome of a run: its exit code, the summary it printed and its progress output. */
    record Result(int exitCode, JsonNode summary, String progress) {
    }

    static Result run(Path workDirectory, String... options) {
        Path directory = exampleDirectory();
        Path out = workDirectory.resolve("simulate.out");
        Path err = workDirectory.resolve("simulate.err");
        List<String> command = new ArrayList<>(List.of("node", "simulate.js"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process process = start(builder);
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("node simulate.js did not finish within " + DEADLINE + ":\n" + read(out) + read(err));
            }
            return new Result(process.exitValue(), JSON.readTree(read(out).trim()), read(err));
        } catch (JsonProcessingException e) {
            throw new AssertionError("node simulate.js printed no JSON summary:\n" + read(out) + read(err), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running node simulate.js", e);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run 'node' (Node 20 runs the example): install it, e.g. with "
                    + "scripts/bootstrap.sh. " + e.getMessage(), e);
        }
    }

    private static Path exampleDirectory() {
        // Tests run in the module directory; the example lives at the repository root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve("simulation-node");
            if (Files.isRegularFile(candidate.resolve("simulate.js"))) {
                if (!Files.isDirectory(candidate.resolve("node_modules"))) {
                    fail("The Node example's packages are not installed (" + candidate.resolve("node_modules")
                            + " is missing): run scripts/bootstrap.sh (it runs npm ci there).");
                }
                return candidate;
            }
        }
        throw new AssertionError("No examples/simulation-node/simulate.js above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
