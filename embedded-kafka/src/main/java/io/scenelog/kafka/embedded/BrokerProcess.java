package io.scenelog.kafka.embedded;

import io.scenelog.kafka.embedded.internal.BrokerArguments;
import io.scenelog.kafka.embedded.internal.LogTail;
import io.scenelog.kafka.embedded.internal.ReadyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as a process of its own: a child JVM running {@link BrokerMain}, so that a broker
 * crash, pause or heap exhaustion does not take the application with it, and stopping the
 * application does not cut the broker's log writes short.
 *
 * <p>Contract with the child:
 * <ul>
 *   <li>command: {@code <java> -Xmx<maxHeap> -XX:+ExitOnOutOfMemoryError <jvmOptions> -cp <classPath>
 *       io.scenelog.kafka.embedded.BrokerMain <settings as arguments>};</li>
 *   <li>logs: the child logs through whatever logback configuration its class path carries; its
 *       standard output and error are appended to {@code <dataDirectory>/broker.log} (a launcher
 *       that wants another file passes {@code -Dlogback.configurationFile=...} in jvmOptions);</li>
 *   <li>readiness: once clients can use the broker the child writes
 *       {@code <dataDirectory>/broker.ready} (its pid, bootstrap servers, cluster id);</li>
 *   <li>stop: SIGTERM makes the child shut the broker down cleanly; after {@code stopTimeout} it
 *       is killed. The child also stops by itself when this process dies.</li>
 * </ul>
 */
public final class BrokerProcess implements AutoCloseable {

    /**
     * How the child ended.
     *
     * @param exitCode its exit status (143 after SIGTERM)
     * @param forced   whether it had to be killed after the stop timeout
     */
    public record StopOutcome(int exitCode, boolean forced) {
        /** Exit status of a JVM that ran its shutdown hooks after SIGTERM (128 + 15). */
        public static final int SIGTERM_EXIT_CODE = 143;

        /** @return whether the child stopped by itself, after a clean broker shutdown */
        public boolean clean() {
            return !forced && (exitCode == 0 || exitCode == SIGTERM_EXIT_CODE);
        }
    }

    /** Log file of the child inside the data directory. */
    public static final String LOG_FILE_NAME = "broker.log";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);
    private static final int LOG_TAIL_LINES = 30;
    private static final long POLL_MILLIS = 50;

    private final Process process;
    private final BrokerSettings settings;
    private final BrokerProcessOptions options;
    private final ReadyFile ready;
    private StopOutcome outcome;

    private BrokerProcess(Process process, BrokerSettings settings, BrokerProcessOptions options,
            ReadyFile ready) {
        this.process = process;
        this.settings = settings;
        this.options = options;
        this.ready = ready;
    }

    /**
     * Starts the child with {@link BrokerProcessOptions#defaults()}.
     *
     * @param settings the broker's settings
     * @return the running child, ready for clients
     * @throws BrokerProcessStartException when the child exits or is not ready in time
     */
    public static BrokerProcess start(BrokerSettings settings) {
        return start(settings, BrokerProcessOptions.defaults());
    }

    /**
     * @param settings the broker's settings
     * @param options  how to run the child JVM
     * @return the running child, ready for clients
     * @throws BrokerProcessStartException when the child exits or is not ready in time
     */
    public static BrokerProcess start(BrokerSettings settings, BrokerProcessOptions options) {
        Path logFile = settings.dataDirectory().resolve(LOG_FILE_NAME);
        Process process;
        try {
            Files.createDirectories(settings.dataDirectory());
            process = new ProcessBuilder(command(settings, options))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new BrokerStartException("Cannot start the broker process for " + settings.dataDirectory()
                    + " with " + options.javaExecutable() + ": " + e.getMessage(), e);
        }
        LOG.info("Started broker process pid {} for data directory {}; its log is {}.", process.pid(),
                settings.dataDirectory(), logFile);
        ReadyFile ready = awaitReady(process, settings, options.startupTimeout(), logFile);
        LOG.info("Broker process pid {} is ready at {} (cluster {}).", process.pid(), ready.bootstrapServers(),
                ready.clusterId());
        return new BrokerProcess(process, settings, options, ready);
    }

    /** @return the client address the child reported */
    public String bootstrapServers() {
        return ready.bootstrapServers();
    }

    /** @return the cluster id the child reported */
    public String clusterId() {
        return ready.clusterId();
    }

    /** @return the child's pid */
    public long pid() {
        return process.pid();
    }

    /** @return whether the child is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the file the child's output is appended to */
    public Path logFile() {
        return settings.dataDirectory().resolve(LOG_FILE_NAME);
    }

    /**
     * Sends SIGTERM, waits up to the stop timeout for a clean exit, then kills the child.
     * Idempotent: later calls return the first outcome.
     *
     * @return how the child ended
     */
    public synchronized StopOutcome stop() {
        if (outcome != null) {
            return outcome;
        }
        process.destroy();
        boolean forced = !waitFor(options.stopTimeout());
        if (forced) {
            LOG.warn("Broker process pid {} did not stop within {} after SIGTERM; killing it. Its log: {}",
                    process.pid(), options.stopTimeout(), logFile());
            process.destroyForcibly();
            waitFor(options.stopTimeout());
        }
        outcome = new StopOutcome(process.exitValue(), forced);
        LOG.info("Broker process pid {} ended with status {}{}.", process.pid(), outcome.exitCode(),
                forced ? " after a forced kill" : "");
        return outcome;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private static List<String> command(BrokerSettings settings, BrokerProcessOptions options) {
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable().toString());
        command.add("-Xmx" + options.maxHeap());
        // A broker out of heap is broken for good; exiting lets the parent see it and restart.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(options.jvmOptions());
        command.add("-cp");
        command.add(options.classPath());
        command.add(BrokerMain.class.getName());
        command.addAll(BrokerArguments.toArguments(settings));
        return command;
    }

    private static ReadyFile awaitReady(Process process, BrokerSettings settings, Duration timeout, Path logFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReadyFile> ready = ReadyFile.read(settings.dataDirectory())
                    .filter(file -> file.pid() == process.pid());
            if (ready.isPresent()) {
                return ready.get();
            }
            if (exitedWithin(process, POLL_MILLIS)) {
                throw new BrokerProcessStartException("Broker process pid " + process.pid() + " for "
                        + settings.dataDirectory() + " exited with status " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":" + System.lineSeparator()
                        + LogTail.of(logFile, LOG_TAIL_LINES));
            }
        }
        process.destroyForcibly();
        throw new BrokerProcessStartException("Broker process pid " + process.pid() + " for "
                + settings.dataDirectory() + " was not ready within " + timeout + " and was killed. Last lines of "
                + logFile + ":" + System.lineSeparator() + LogTail.of(logFile, LOG_TAIL_LINES));
    }

    private static boolean exitedWithin(Process process, long millis) {
        try {
            process.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot watch broker process pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new BrokerStartException("Interrupted while waiting for broker process pid " + process.pid()
                    + "; it was killed", e);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while stopping broker process pid " + process.pid()
                    + "; it was killed", e);
        }
    }
}
