package io.scenelog.renderer.node.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One renderer process of one session: started with its command line, its output (stdout and stderr) forwarded to
 * the node's log line by line with the session id, its frame endpoint read from the line
 * {@code SCENELOG-RENDERER-READY <endpoint>}. A process of its own, so that a crash of one renderer (a driver fault,
 * an out-of-memory) never takes another session down.
 */
public final class RendererProcess {

    /** The line prefix a renderer prints once its frame endpoint serves. */
    public static final String READY_PREFIX = "SCENELOG-RENDERER-READY ";

    private static final Logger LOG = LoggerFactory.getLogger(RendererProcess.class);

    private final UUID sessionId;
    private final Process process;
    private final CompletableFuture<String> endpoint = new CompletableFuture<>();
    private volatile boolean stopping;

    private RendererProcess(UUID sessionId, Process process) {
        this.sessionId = sessionId;
        this.process = process;
    }

    /**
     * Starts the process.
     *
     * @throws IOException when it cannot be started (no java binary, no such directory)
     */
    public static RendererProcess start(UUID sessionId, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        RendererProcess renderer = new RendererProcess(sessionId, process);
        Thread reader = new Thread(renderer::forwardOutput, "renderer-output-" + sessionId);
        reader.setDaemon(true);
        reader.start();
        return renderer;
    }

    /** The session it renders. */
    public UUID sessionId() {
        return sessionId;
    }

    /** Its process id (for operators and fault tests). */
    public long pid() {
        return process.pid();
    }

    /** Completes with the frame endpoint once the renderer reports ready; never when it dies before. */
    public CompletableFuture<String> endpoint() {
        return endpoint;
    }

    /** Completes with the exit status when the process ends. */
    public CompletableFuture<Integer> exit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the agent asked it to stop (its exit is then expected, not a loss). */
    public boolean isStopping() {
        return stopping;
    }

    /**
     * Stops it: SIGTERM, then SIGKILL after the grace. Returns at once; the exit completes {@link #exit()}.
     */
    public void stop(Duration grace) {
        stopping = true;
        process.destroy();
        process.onExit().orTimeout(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS).whenComplete((p, late) -> {
            if (late != null && process.isAlive()) {
                LOG.warn("Renderer of session {} (pid {}) did not stop within {}; killing it.", sessionId,
                        process.pid(), grace);
                process.destroyForcibly();
            }
        });
    }

    /** Kills it at once (no grace): used when the node itself is abandoned. */
    public void kill() {
        stopping = true;
        process.destroyForcibly();
    }

    private void forwardOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Optional<String> ready = readyEndpoint(line);
                if (ready.isPresent() && !endpoint.isDone()) {
                    endpoint.complete(ready.get());
                }
                LOG.info("[session {}] {}", sessionId, line);
            }
        } catch (IOException e) {
            // The stream closes when the process dies; anything else is worth a line, never a stop.
            if (process.isAlive()) {
                LOG.warn("Lost the output of the renderer of session {}: {}", sessionId, e.toString());
            }
        }
    }

    /** The endpoint a READY line announces, or empty for any other line. */
    static Optional<String> readyEndpoint(String line) {
        if (!line.startsWith(READY_PREFIX)) {
            return Optional.empty();
        }
        String value = line.substring(READY_PREFIX.length()).strip();
        return value.isEmpty() || value.contains(" ") ? Optional.empty() : Optional.of(value);
    }
}
