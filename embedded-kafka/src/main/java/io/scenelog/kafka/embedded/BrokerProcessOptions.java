package io.scenelog.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link BrokerProcess} runs the broker's JVM.
 *
 * @param javaExecutable the {@code java} binary; by default the one running this JVM
 * @param classPath      the child's class path; by default this JVM's ({@code java.class.path}, the
 *                       launcher's fat jar in production), which must contain {@link BrokerMain}
 * @param maxHeap        the child's {@code -Xmx} value, e.g. {@code 512m}
 * @param jvmOptions     further JVM options, e.g. {@code -Dlogback.configurationFile=...}
 * @param startupTimeout how long to wait for the child to report readiness
 * @param stopTimeout    how long {@link BrokerProcess#close()} waits after SIGTERM before killing
 */
public record BrokerProcessOptions(
        Path javaExecutable,
        String classPath,
        String maxHeap,
        List<String> jvmOptions,
        Duration startupTimeout,
        Duration stopTimeout) {

    /** Heap cap of the broker JVM unless told otherwise. */
    public static final String DEFAULT_MAX_HEAP = "512m";

    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    /** Validates every option; see the record documentation for their meaning. */
    public BrokerProcessOptions {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        if (classPath == null || classPath.isBlank()) {
            throw new InvalidBrokerSettingsException("BrokerProcessOptions.classPath is empty: it must "
                    + "contain the scenelog-embedded-kafka classes and their dependencies");
        }
        if (maxHeap == null || !HEAP_SIZE.matcher(maxHeap).matches()) {
            throw new InvalidBrokerSettingsException("BrokerProcessOptions.maxHeap '" + maxHeap
                    + "' is not a JVM heap size: use e.g. " + DEFAULT_MAX_HEAP + " or 2g");
        }
        jvmOptions = List.copyOf(jvmOptions);
        requirePositive("startupTimeout", startupTimeout);
        requirePositive("stopTimeout", stopTimeout);
    }

    /** @return options that run the child with this JVM's binary and class path */
    public static BrokerProcessOptions defaults() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
        return new BrokerProcessOptions(java, System.getProperty("java.class.path"), DEFAULT_MAX_HEAP,
                List.of(), Duration.ofSeconds(120), Duration.ofSeconds(30));
    }

    /** @return a copy with another heap cap */
    public BrokerProcessOptions withMaxHeap(String newMaxHeap) {
        return new BrokerProcessOptions(javaExecutable, classPath, newMaxHeap, jvmOptions, startupTimeout,
                stopTimeout);
    }

    /** @return a copy with one more JVM option */
    public BrokerProcessOptions withJvmOption(String option) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(option);
        return new BrokerProcessOptions(javaExecutable, classPath, maxHeap, options, startupTimeout,
                stopTimeout);
    }

    /** @return a copy with another class path */
    public BrokerProcessOptions withClassPath(String newClassPath) {
        return new BrokerProcessOptions(javaExecutable, newClassPath, maxHeap, jvmOptions, startupTimeout,
                stopTimeout);
    }

    /** @return a copy with another startup timeout */
    public BrokerProcessOptions withStartupTimeout(Duration newStartupTimeout) {
        return new BrokerProcessOptions(javaExecutable, classPath, maxHeap, jvmOptions, newStartupTimeout,
                stopTimeout);
    }

    /** @return a copy with another stop timeout */
    public BrokerProcessOptions withStopTimeout(Duration newStopTimeout) {
        return new BrokerProcessOptions(javaExecutable, classPath, maxHeap, jvmOptions, startupTimeout,
                newStopTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidBrokerSettingsException("BrokerProcessOptions." + name
                    + " must be positive, was " + value);
        }
    }
}
