package io.scenelog.testkit;

import io.scenelog.testkit.internal.ModeChoice;
import io.scenelog.testkit.internal.RunningKafka;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker per test JVM, shared by every integration test in it.
 *
 * <p>Started on first use, stopped by a JVM shutdown hook; its data lives in a temporary
 * directory. Shared fixtures built on it register their own closing with {@link #closeBeforeBroker}, so that they
 * stop while the broker still answers. The system property {@value #MODE_PROPERTY} picks the broker:
 * <ul>
 *   <li>{@code auto} (default): Testcontainers' {@code apache/kafka} image when a Docker engine is
 *       reachable, otherwise the embedded KRaft broker;</li>
 *   <li>{@code embedded}: always the embedded broker (no Docker needed);</li>
 *   <li>{@code testcontainers}: always the container; fails without Docker.</li>
 * </ul>
 * The container image defaults to {@code apache/kafka} at the version of the Kafka clients on
 * the classpath; {@value #IMAGE_PROPERTY} overrides it. Either broker runs with one-node settings
 * (replication factor 1, transactions usable) and without automatic topic creation, so tests
 * create their topics (see {@link KafkaTestClients#createTopic}).
 */
public final class SharedKafka {

    /** System property choosing the broker: {@code auto}, {@code embedded} or {@code testcontainers}. */
    public static final String MODE_PROPERTY = "scenelog.test.kafka";
    /** System property overriding the container image, e.g. {@code apache/kafka:4.1.1}. */
    public static final String IMAGE_PROPERTY = "scenelog.test.kafka.image";

    /** Which kind of broker serves this JVM. */
    public enum Mode {
        /** The in-process KRaft broker of {@code scenelog-embedded-kafka}. */
        EMBEDDED,
        /** Testcontainers' Kafka container. */
        TESTCONTAINERS
    }

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);

    private static final Deque<AutoCloseable> DEPENDENTS = new ConcurrentLinkedDeque<>();

    private static RunningKafka running;
    private static RuntimeException startFailure;

    private SharedKafka() {
    }

    /**
     * Starts the shared broker on first use.
     *
     * @return its bootstrap address, {@code host:port}
     * @throws IllegalStateException when the broker could not be started (now or earlier)
     */
    public static String bootstrapServers() {
        return running().bootstrapServers();
    }

    /**
     * Starts the shared broker on first use.
     *
     * @return which kind of broker serves this JVM
     */
    public static Mode mode() {
        return running().mode();
    }

    /**
     * Closes {@code dependent} when the JVM exits, before the shared broker stops (the last registered first).
     * Independent shutdown hooks run in any order at once: a Kafka Streams application whose broker was already gone
     * sat out its 30 s close timeout, and Surefire killed the fork.
     */
    public static void closeBeforeBroker(AutoCloseable dependent) {
        running();
        DEPENDENTS.push(dependent);
    }

    private static void closeDependentsThenBroker(RunningKafka broker) {
        for (AutoCloseable dependent = DEPENDENTS.poll(); dependent != null; dependent = DEPENDENTS.poll()) {
            try {
                dependent.close();
            } catch (Exception e) {
                LOG.warn("A test fixture failed to close before the shared broker: {}", e.toString());
            }
        }
        broker.close();
    }

    private static synchronized RunningKafka running() {
        if (running != null) {
            return running;
        }
        if (startFailure != null) {
            // Starting again for every test would turn one cause into hundreds of slow failures.
            throw new IllegalStateException("The shared Kafka broker failed to start earlier in this "
                    + "JVM: " + startFailure.getMessage(), startFailure);
        }
        try {
            ModeChoice choice = ModeChoice.fromSystemProperty(System.getProperty(MODE_PROPERTY));
            long startedAt = System.nanoTime();
            RunningKafka started = RunningKafka.start(choice.mode(), System.getProperty(IMAGE_PROPERTY));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeDependentsThenBroker(started),
                    "scenelog-shared-kafka-stop"));
            LOG.info("Shared Kafka for this test JVM: {} ({}) at {}, started in {} ms.", choice.mode(),
                    choice.reason(), started.bootstrapServers(), (System.nanoTime() - startedAt) / 1_000_000);
            running = started;
            return running;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }
}
