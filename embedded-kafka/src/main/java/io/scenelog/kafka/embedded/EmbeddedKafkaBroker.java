package io.scenelog.kafka.embedded;

import io.scenelog.kafka.embedded.internal.DataDirectoryLock;
import io.scenelog.kafka.embedded.internal.ExitProcedures;
import io.scenelog.kafka.embedded.internal.RaftServerLauncher;
import io.scenelog.kafka.embedded.internal.ReadinessProbe;
import io.scenelog.kafka.embedded.internal.StorageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaRaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running inside
 * this JVM, from the Maven Central jars.
 *
 * <p>{@link #start} formats a new data directory (a restart reuses the persisted cluster id,
 * topics and records), locks it against a second broker, binds the ports, and returns only once
 * clients can use the broker. While any embedded broker has been started, Kafka's fatal-error
 * exits throw {@link BrokerFatalErrorException} instead of ending the JVM.
 *
 * <p>To run the broker as a process of its own, see {@link BrokerProcess}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerSettings settings;
    private final String clusterId;
    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final DataDirectoryLock lock;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedKafkaBroker(BrokerSettings settings, String clusterId,
            RaftServerLauncher.Started started, DataDirectoryLock lock) {
        this.settings = settings;
        this.clusterId = clusterId;
        this.server = started.server();
        this.port = started.port();
        this.controllerPort = started.controllerPort();
        this.lock = lock;
    }

    /**
     * Starts a broker and waits until it is ready for clients.
     *
     * @param settings validated settings
     * @return the running broker
     * @throws DataDirectoryInUseException    when another broker uses the data directory
     * @throws DataDirectoryMismatchException when the directory belongs to another cluster or node
     * @throws BrokerStartException           when formatting, binding or readiness fails
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        ExitProcedures.installThrowing();
        long startedAt = System.nanoTime();
        createDirectory(settings);
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.dataDirectory());
        EmbeddedKafkaBroker broker;
        try {
            String clusterId = StorageFormat.ensureFormatted(settings);
            broker = new EmbeddedKafkaBroker(settings, clusterId, RaftServerLauncher.start(settings), lock);
        } catch (RuntimeException e) {
            releaseAfterFailure(lock, e);
            throw e;
        }
        try {
            ReadinessProbe.awaitReady(broker.bootstrapServers(), settings.nodeId(), settings.startupTimeout());
        } catch (RuntimeException e) {
            closeAfterFailure(broker, e);
            throw e;
        }
        LOG.info("Started Kafka broker node {} of cluster {} at {} (controller port {}, data {}) in {} ms.",
                settings.nodeId(), broker.clusterId, broker.bootstrapServers(), broker.controllerPort,
                settings.dataDirectory(), (System.nanoTime() - startedAt) / 1_000_000);
        return broker;
    }

    /** @return the client address, {@code host:port} */
    public String bootstrapServers() {
        return settings.host() + ":" + port;
    }

    /** @return the client port actually bound */
    public int port() {
        return port;
    }

    /** @return the controller port actually bound */
    public int controllerPort() {
        return controllerPort;
    }

    /** @return the cluster id persisted in the data directory */
    public String clusterId() {
        return clusterId;
    }

    /** @return the settings the broker was started with (ports may be 0: see {@link #port()}) */
    public BrokerSettings settings() {
        return settings;
    }

    /**
     * Blocks until {@link #close()} has completed, e.g. from a shutdown hook.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitShutdown() throws InterruptedException {
        closed.await();
    }

    /** Shuts the broker down cleanly (logs flushed, clean-shutdown markers written); idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping Kafka broker node {} at {} (data {}).", settings.nodeId(), bootstrapServers(),
                settings.dataDirectory());
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            try {
                lock.close();
            } finally {
                closed.countDown();
            }
        }
        LOG.info("Stopped Kafka broker node {} (data {}).", settings.nodeId(), settings.dataDirectory());
    }

    private static void createDirectory(BrokerSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new BrokerStartException("Cannot create data directory " + settings.dataDirectory()
                    + ": " + e.getMessage() + "; check the path and its permissions", e);
        }
    }

    private static void releaseAfterFailure(DataDirectoryLock lock, RuntimeException failure) {
        try {
            lock.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeAfterFailure(EmbeddedKafkaBroker broker, RuntimeException failure) {
        try {
            broker.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
