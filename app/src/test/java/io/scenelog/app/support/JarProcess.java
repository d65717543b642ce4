package io.scenelog.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launcher jar ({@code target/scenelog.jar}) run as a child process, the way an operator runs a role, with its
 * console in a file (a pipe's stream is closed under a concurrent reader when the process dies, losing its last
 * lines). Only processes this class started are stopped, by their own handle.
 */
public final class JarProcess implements AutoCloseable {

    /** The shaded jar, built in the package phase before the integration tests. */
    public static final Path JAR = Path.of("target", "scenelog.jar").toAbsolutePath();

    private final Process process;
    private final Path console;

    private JarProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /**
     * Starts {@code java -Xmx<heap> -jar scenelog.jar <args>} and waits until it prints {@code readyLine}.
     *
     * @throws AssertionError with its output when it exits first or does not get ready in time
     */
    public static JarProcess start(Path workDirectory, String heap, String readyLine, Duration deadline,
            String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR + " is missing: the shaded jar is built in the package phase, run "
                    + "`mvn verify`");
        }
        try {
            Path console = Files.createTempFile(workDirectory, "scenelog", ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(console.toFile()).start();
            JarProcess started = new JarProcess(process, console);
            try {
                await().atMost(deadline).pollInterval(Duration.ofMillis(200))
                        .failFast("the launcher exited early", () -> !process.isAlive())
                        .until(() -> started.output().contains(readyLine));
            } catch (RuntimeException | AssertionError e) {
                process.destroyForcibly();
                throw new AssertionError("scenelog " + String.join(" ", args) + " did not print '" + readyLine
                        + "':\n" + String.join("\n", started.output()), e);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher jar", e);
        }
    }

    /** Kills it without warning (SIGKILL), as a crash does, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Asks it to stop (SIGTERM) and waits.
     *
     * @return its exit code (143 after shutdown hooks ran on SIGTERM)
     */
    public int stop(Duration deadline) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The launcher did not stop within " + deadline + ":\n"
                    + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /** The rest of the first printed line that starts with {@code label} (e.g. "REST API:"), trimmed. */
    public Optional<String> value(String label) {
        return output().stream().map(String::trim).filter(line -> line.startsWith(label))
                .map(line -> line.substring(label.length()).trim()).findFirst();
    }

    /** Its child processes and theirs (e.g. a render node's renderers, the broker of {@code up}) alive now. */
    public List<ProcessHandle> descendants() {
        return process.descendants().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * Kills it and every process it started (SIGKILL), as a machine that dies takes them all, and waits until they
     * are gone. The children are listed first: once their parent is gone they would no longer be found.
     */
    public void killWithDescendants() throws InterruptedException {
        List<ProcessHandle> children = descendants();
        kill();
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("Process " + child.pid() + " started by the launcher did not die", e);
            }
        }
    }

    /** Every line it printed so far. */
    public List<String> output() {
        try {
            return Files.readAllLines(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the launcher's output " + console, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        // a clean stop first, so that what it started (broker, renderers) stops with it; what is left is killed
        List<ProcessHandle> children = descendants();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
