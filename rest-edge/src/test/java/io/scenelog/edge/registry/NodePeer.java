package io.scenelog.edge.registry;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code peers/node/peer.js} (kafkajs and {@code @kafkajs/confluent-schema-registry}) with a
 * deadline, and fails with instructions when Node or the peer's packages are missing: the peer
 * test never skips silently.
 */
final class NodePeer {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Path workDirectory;

    private NodePeer(Path directory, Path workDirectory) {
        this.directory = directory;
        this.workDirectory = workDirectory;
    }

    /** Finds the peer project and checks that it is installed. */
    static NodePeer locate(Path workDirectory) {
        Path directory = projectRoot().resolve("peers").resolve("node");
        if (!Files.isRegularFile(directory.resolve("peer.js"))) {
            fail("The Node peer is missing: expected " + directory.resolve("peer.js") + ".");
        }
        if (!Files.isDirectory(directory.resolve("node_modules"))) {
            fail("The Node peer's packages are not installed (" + directory.resolve("node_modules")
                    + " is missing): run scripts/bootstrap.sh (it runs npm ci --prefix peers/node).");
        }
        return new NodePeer(directory, workDirectory);
    }

    /**
     * Runs {@code node peer.js <mode>} with the given environment.
     *
     * @return the one JSON line the peer prints on success
     */
    JsonNode run(String mode, Map<String, String> environment) {
        Path out = workDirectory.resolve(mode + ".out");
        Path err = workDirectory.resolve(mode + ".err");
        ProcessBuilder builder = new ProcessBuilder("node", "peer.js", mode)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PEER_DEADLINE_MS", Long.toString(DEADLINE.minusSeconds(10).toMillis()));
        try {
            Process process = startNode(builder);
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("node peer.js " + mode + " did not finish within " + DEADLINE + ":\n" + read(out) + read(err));
            }
            if (process.exitValue() != 0) {
                fail("node peer.js " + mode + " exited with " + process.exitValue() + ":\n" + read(out) + read(err));
            }
            return JSON.readTree(read(out).trim());
        } catch (JsonProcessingException e) {
            throw new AssertionError("node peer.js " + mode + " printed no JSON:\n" + read(out) + read(err), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running node peer.js " + mode, e);
        }
    }

    private static Process startNode(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run 'node' (Node 20 is needed for the peer test): install it,"
                    + " e.g. with scripts/bootstrap.sh. " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    // Tests run in the module directory; the peer lives at the repository root.
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("peers"))) {
                return candidate;
            }
        }
        throw new AssertionError("No 'peers' directory above " + dir + ": run the tests inside the repository.");
    }
}
