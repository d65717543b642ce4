package io.scenelog.edge.registry.internal.kafka;

import io.scenelog.edge.registry.internal.InconsistentRecordException;
import io.scenelog.edge.registry.internal.MalformedRecordException;
import io.scenelog.edge.registry.internal.RecordCodec;
import io.scenelog.edge.registry.internal.RegistryRecord;
import io.scenelog.edge.registry.internal.RegistryState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry's log from the beginning, forever, on its own thread, and applies every
 * committed record to the view; then publishes how far it got. A record that does not decode or
 * contradicts the state is logged with its offset and skipped: it never stops the reader and
 * never reaches the state.
 */
final class LogFollower implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final TopicPartition partition;
    private final Map<String, Object> consumerConfig;
    private final RegistryView view;
    private final PositionTracker tracker;
    private final RecordCodec codec = new RecordCodec();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<KafkaConsumer<String, String>> consumer = new AtomicReference<>();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final Thread thread;

    LogFollower(TopicPartition partition, Map<String, Object> consumerConfig, RegistryView view,
            PositionTracker tracker) {
        this.partition = partition;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.view = view;
        this.tracker = tracker;
        this.thread = new Thread(this, "scenelog-registry-follower-" + partition);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the reader thread is still following the log. */
    boolean isRunning() {
        return thread.isAlive() && stopped.getCount() > 0;
    }

    /** The last error the reader met and is retrying past, if any since its last good poll. */
    Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer.set(kafka);
            kafka.assign(List.of(partition));
            kafka.seekToBeginning(List.of(partition));
            while (closing.getCount() > 0) {
                pollOnce(kafka);
            }
        } catch (WakeupException | InterruptException e) {
            if (closing.getCount() > 0) {
                LOG.error("The registry's log reader for {} was stopped unexpectedly.", partition, e);
                problem.set("log reader stopped: " + e);
            }
        } catch (RuntimeException e) {
            LOG.error("The registry's log reader for {} failed and stopped.", partition, e);
            problem.set("log reader failed: " + e);
        } finally {
            stopped.countDown();
        }
    }

    private void pollOnce(KafkaConsumer<String, String> kafka) {
        try {
            ConsumerRecords<String, String> records = kafka.poll(POLL_TIMEOUT);
            if (!records.isEmpty()) {
                view.update(state -> records.forEach(record -> apply(state, record)));
            }
            // The position also moves past aborted records and transaction markers, which is
            // what lets a writer see that its own commit has been read.
            tracker.advanceTo(kafka.position(partition));
            problem.set(null);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Reading the registry's log {} failed; retrying in {}.", partition, RETRY_BACKOFF, e);
            problem.set("cannot read the registry's log: " + e.getMessage());
            backOff();
        }
    }

    private void apply(RegistryState state, ConsumerRecord<String, String> record) {
        try {
            Optional<RegistryRecord> decoded = codec.decode(record.key(), record.value());
            decoded.ifPresent(state::apply);
        } catch (MalformedRecordException | InconsistentRecordException e) {
            LOG.warn("Skipped record at offset {} of {}: {}", record.offset(), partition, e.getMessage());
        }
    }

    private void backOff() {
        try {
            closing.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        KafkaConsumer<String, String> kafka = consumer.get();
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("The registry's log reader for {} did not stop within 10 s.", partition);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the registry's log reader for {}.", partition);
        }
    }
}
