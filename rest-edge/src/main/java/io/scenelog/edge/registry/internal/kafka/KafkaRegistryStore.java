package io.scenelog.edge.registry.internal.kafka;

import io.scenelog.edge.registry.internal.Decision;
import io.scenelog.edge.registry.internal.RecordCodec;
import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import io.scenelog.edge.registry.internal.RegistryState;
import io.scenelog.edge.registry.internal.RegistryStore;
import io.scenelog.edge.registry.internal.RegistryStoreException;
import io.scenelog.edge.registry.internal.RegistryTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry store whose source of truth is a single-partition Kafka topic. A follower thread
 * applies the log to an in-memory view; writes are serialised in this process, decided against a
 * view that has caught up with the whole committed log, appended in one transaction, and answered
 * once the follower has read them back. Several instances over one topic stay in sync through the
 * log, and their shared transactional id makes sure only one of them commits at a time.
 */
public final class KafkaRegistryStore implements RegistryStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryStore.class);
    private static final int MAX_FENCED_ATTEMPTS = 3;

    private final String topic;
    private final Duration operationTimeout;
    private final RegistryView view = new RegistryView();
    private final PositionTracker tracker = new PositionTracker();
    private final RecordCodec codec = new RecordCodec();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final LogEnd logEnd;
    private final LogFollower follower;
    private final TransactionalLogWriter writer;
    private volatile long bootTarget = Long.MAX_VALUE;

    /**
     * @param admin an admin client for the log's cluster (not closed by this store)
     * @param bootstrapServers the cluster's bootstrap servers
     * @param topic the log topic (one partition)
     * @param operationTimeout how long one read or write may wait for Kafka
     */
    public KafkaRegistryStore(Admin admin, String bootstrapServers, String topic, Duration operationTimeout) {
        TopicPartition partition = new TopicPartition(topic, 0);
        this.topic = topic;
        this.operationTimeout = operationTimeout;
        this.logEnd = new LogEnd(admin, partition);
        this.follower = new LogFollower(partition, KafkaClientConfigs.consumer(bootstrapServers), view, tracker);
        this.writer = new TransactionalLogWriter(topic,
                KafkaClientConfigs.producer(bootstrapServers, topic, operationTimeout));
    }

    /** The transactional id all registry writers of {@code topic} share. */
    public static String transactionalId(String topic) {
        return KafkaClientConfigs.transactionalId(topic);
    }

    /**
     * Notes where the committed log ends now and starts applying it from the beginning; the store
     * serves once everything up to that point is applied.
     *
     * @throws RegistryTimeoutException if Kafka does not answer within {@code timeout}
     */
    public void startFollowing(Duration timeout) {
        bootTarget = logEnd.committedEnd(timeout);
        follower.start();
    }

    /**
     * Waits until the log as it was when following started is applied.
     *
     * @throws RegistryTimeoutException if that takes longer than {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        awaitApplied(bootTarget, Instant.now().plus(timeout), "read the registry's log " + topic
                + " up to offset " + bootTarget);
        LOG.info("Schema registry read its log {} up to offset {} and is serving.", topic, bootTarget);
    }

    @Override
    public <T> T read(Function<RegistryState, T> query) {
        requireBooted();
        return view.read(query);
    }

    @Override
    public <T> T write(Function<RegistryState, Decision<T>> command) {
        requireBooted();
        Instant deadline = Instant.now().plus(operationTimeout);
        lockForWriting(deadline);
        try {
            WriterFencedException fenced = null;
            for (int attempt = 1; attempt <= MAX_FENCED_ATTEMPTS; attempt++) {
                try {
                    return writeOnce(command, deadline);
                } catch (WriterFencedException e) {
                    LOG.info("Registry writer of {} was fenced by another instance (attempt {} of {}).",
                            topic, attempt, MAX_FENCED_ATTEMPTS);
                    fenced = e;
                }
            }
            throw new RegistryStoreException("Another registry instance kept taking over the log " + topic
                    + "; gave up after " + MAX_FENCED_ATTEMPTS + " attempts.", fenced);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T writeOnce(Function<RegistryState, Decision<T>> command, Instant deadline)
            throws WriterFencedException {
        // Order matters: holding the transactional id first settles any earlier writer's
        // transaction, so the end offset read next covers every write that can ever commit before ours.
        writer.ensureInitialised();
        long end = logEnd.committedEnd(remaining(deadline));
        awaitApplied(end, deadline, "catch up with the registry's log " + topic + " before writing");
        Decision<T> decision = view.read(command);
        if (decision.records().isEmpty()) {
            return decision.result();
        }
        List<EncodedRecord> encoded = decision.records().stream().map(codec::encode).toList();
        long lastOffset = writer.append(encoded);
        awaitApplied(lastOffset + 1, deadline, "read back the write at offset " + lastOffset + " of " + topic);
        return decision.result();
    }

    private void awaitApplied(long offset, Instant deadline, String what) {
        try {
            if (!tracker.awaitPast(offset, deadline)) {
                throw new RegistryTimeoutException("Timed out waiting to " + what + "; the log reader is at offset "
                        + tracker.position() + follower.problem().map(p -> " (" + p + ")").orElse("") + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryTimeoutException("Interrupted while waiting to " + what + ".", e);
        }
    }

    private void lockForWriting(Instant deadline) {
        try {
            if (!writeLock.tryLock(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RegistryTimeoutException("Timed out waiting for earlier writes to " + topic + " to finish.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryTimeoutException("Interrupted while waiting to write to " + topic + ".", e);
        }
    }

    private void requireBooted() {
        if (!isBooted()) {
            throw new RegistryTimeoutException("The schema registry is still reading its log " + topic + ".");
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the initial read of the log has finished. */
    public boolean isBooted() {
        return tracker.position() >= bootTarget;
    }

    /** Whether the log reader is still following the log. */
    public boolean isFollowing() {
        return follower.isRunning();
    }

    /** The next log offset the view will apply. */
    public long position() {
        return tracker.position();
    }

    /** The offset after the last committed record, asked of Kafka (which proves it reachable). */
    public long committedEnd(Duration timeout) {
        return logEnd.committedEnd(timeout);
    }

    /** What keeps the log reader from progressing, if anything. */
    public Optional<String> readerProblem() {
        return follower.problem();
    }

    @Override
    public void close() {
        follower.close();
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
