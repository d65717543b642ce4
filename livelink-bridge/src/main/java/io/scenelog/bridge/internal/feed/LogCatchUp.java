package io.scenelog.bridge.internal.feed;

import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a scene's older events from the log for a connection whose resume point is older than the scene's window.
 * The scene's events share a partition with other scenes' and their versions increase with the offset, so the event
 * after the resume version is found by reading the partition backwards, in chunks that double, from where the window
 * starts until a record of the scene at or below that version shows: the cost is the records written to the
 * partition since the version (about what the connection then reads forward anyway), never the partition's whole
 * history. Each catch-up has a consumer of its own, closed with its {@link Cursor}.
 */
public final class LogCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(LogCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long FIRST_CHUNK = 1_024;
    private static final long LARGEST_CHUNK = 1L << 20;

    private final Map<String, Object> consumerConfig;
    private final EventFrames frames;
    private final Duration timeout;
    private final LongConsumer recordsRead;
    private final Consumer<RuntimeException> undeliverable;

    /**
     * @param consumerConfig a group-less read_committed consumer's config
     * @param frames         reads each record's version
     * @param timeout        how long finding the resume point may take (longer: the connection is RESET), and
     *                       reading from there up to the window
     * @param recordsRead    told how many records each catch-up read (of any scene), for metrics
     * @param undeliverable  told of each record of the scene that holds no readable event (skipped, as the feed
     *                       skips it)
     */
    public LogCatchUp(Map<String, Object> consumerConfig, EventFrames frames, Duration timeout,
            LongConsumer recordsRead, Consumer<RuntimeException> undeliverable) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // Never jump silently: an offset the log no longer has (retention raced the search) fails the catch-up.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        this.consumerConfig = config;
        this.frames = frames;
        this.timeout = timeout;
        this.recordsRead = recordsRead;
        this.undeliverable = undeliverable;
    }

    /**
     * Positions a cursor on the scene's event {@code afterVersion + 1}.
     *
     * @param upperOffset where the scene's window starts: the events from there on are the window's
     * @return the cursor, or empty when the connection cannot resume from the log: it no longer holds the event
     *     after {@code afterVersion} (deleted by retention), or finding it takes longer than the timeout
     * @throws CatchUpFailedException when the log cannot be read
     */
    public Optional<Cursor> open(UUID sceneId, int partition, long afterVersion, long upperOffset) {
        TopicPartition tp = new TopicPartition(Topics.SCENE_EVENTS.name(), partition);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        boolean handedOver = false;
        Cursor cursor = new Cursor(consumer, tp, sceneId.toString(), afterVersion);
        try {
            consumer.assign(List.of(tp));
            long logStart = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            Optional<Long> start = cursor.locate(logStart, upperOffset, System.nanoTime() + timeout.toNanos());
            if (start.isEmpty()) {
                return Optional.empty();
            }
            consumer.seek(tp, start.get());
            cursor.startReading(System.nanoTime() + timeout.toNanos());
            handedOver = true;
            return Optional.of(cursor);
        } catch (KafkaException e) {
            throw new CatchUpFailedException("Reading partition " + tp + " failed: " + e.getMessage(), e);
        } finally {
            if (!handedOver) {
                cursor.close();
            }
        }
    }

    /** Reads a scene's events in order from where {@link #open} positioned it. */
    public final class Cursor implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final TopicPartition tp;
        private final String sceneKey;
        private final long afterVersion;
        private long expectedVersion;
        private long deadlineNanos;
        private long read;

        private Cursor(KafkaConsumer<String, byte[]> consumer, TopicPartition tp, String sceneKey, long afterVersion) {
            this.consumer = consumer;
            this.tp = tp;
            this.sceneKey = sceneKey;
            this.afterVersion = afterVersion;
            this.expectedVersion = afterVersion + 1;
        }

        /**
         * The scene's next events after the resume version (possibly none yet), each one version above the last.
         *
         * @throws CatchUpFailedException when the catch-up takes longer than its timeout, or the log misses a version
         */
        public List<EventEntry> next() {
            checkDeadline(deadlineNanos);
            List<EventEntry> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : poll()) {
                Optional<EventEntry> entry = sceneEvent(record);
                if (entry.isEmpty() || entry.get().version() < expectedVersion) {
                    continue;
                }
                if (entry.get().version() > expectedVersion) {
                    throw new CatchUpFailedException("The log of scene " + sceneKey + " on " + tp + " holds version "
                            + entry.get().version() + " at offset " + record.offset() + " but not version "
                            + expectedVersion, null);
                }
                batch.add(entry.get());
                expectedVersion++;
            }
            return batch;
        }

        /** The offset of the next record to read: every record before it has been returned. */
        public long position() {
            try {
                return consumer.position(tp);
            } catch (KafkaException e) {
                throw new CatchUpFailedException("Reading partition " + tp + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            recordsRead.accept(read);
        }

        private void startReading(long deadline) {
            deadlineNanos = deadline;
        }

        /**
         * Where reading must start: the offset of the scene's event after the resume version, looked for backwards
         * from the window's start in chunks that double, until a chunk shows a record of the scene at or below the
         * resume version (everything before it is older) or the event itself. Empty when the log lacks that event
         * (or the search runs out of time): the connection is RESET.
         */
        private Optional<Long> locate(long logStart, long upperOffset, long deadline) {
            Found earliestNewer = null;
            boolean sawOlder = false;
            long end = upperOffset;
            long chunk = FIRST_CHUNK;
            while (end > logStart && !sawOlder) {
                long start = Math.max(logStart, end - chunk);
                Optional<Chunk> scanned = scan(start, end, deadline);
                if (scanned.isEmpty()) {
                    // So far back (or the log so slow) that reading it all would take longer still: the state
                    // query is the cheaper way back.
                    LOG.info("Finding version {} of scene {} on {} took longer than {}; the connection is RESET.",
                            afterVersion + 1, sceneKey, tp, timeout);
                    return Optional.empty();
                }
                if (scanned.get().earliestNewer() != null) {
                    earliestNewer = scanned.get().earliestNewer();
                    if (earliestNewer.version() == afterVersion + 1) {
                        return Optional.of(earliestNewer.offset());
                    }
                }
                sawOlder = scanned.get().sawOlder();
                end = start;
                chunk = Math.min(2 * chunk, LARGEST_CHUNK);
            }
            if (earliestNewer == null && sawOlder) {
                // Before the window the scene's records are all at or below the version: its next events are the
                // window's (or not committed yet).
                return Optional.of(upperOffset);
            }
            // No record of the scene before the window although it is newer than the version, or the oldest one
            // after the version is not the very next: the log no longer has them (retention).
            return Optional.empty();
        }

        /**
         * Reads {@code [from, until)}: the scene's earliest record newer than the resume version, and whether one at
         * or below it shows; empty when the deadline passes first.
         */
        private Optional<Chunk> scan(long from, long until, long deadline) {
            consumer.seek(tp, from);
            Found earliestNewer = null;
            boolean sawOlder = false;
            while (consumer.position(tp) < until) {
                if (System.nanoTime() - deadline > 0) {
                    return Optional.empty();
                }
                for (ConsumerRecord<String, byte[]> record : poll()) {
                    if (record.offset() >= until) {
                        return Optional.of(new Chunk(earliestNewer, sawOlder));
                    }
                    Optional<EventEntry> entry = sceneEvent(record);
                    if (entry.isEmpty()) {
                        continue;
                    }
                    if (entry.get().version() <= afterVersion) {
                        sawOlder = true;
                    } else if (earliestNewer == null) {
                        earliestNewer = new Found(record.offset(), entry.get().version());
                    }
                }
            }
            return Optional.of(new Chunk(earliestNewer, sawOlder));
        }

        private ConsumerRecords<String, byte[]> poll() {
            ConsumerRecords<String, byte[]> records;
            try {
                records = consumer.poll(POLL);
            } catch (KafkaException e) {
                throw new CatchUpFailedException("Reading partition " + tp + " failed: " + e.getMessage(), e);
            }
            read += records.count();
            return records;
        }

        /** The record as an event of the scene; empty for other scenes' records and for unreadable ones (skipped). */
        private Optional<EventEntry> sceneEvent(ConsumerRecord<String, byte[]> record) {
            if (!sceneKey.equals(record.key()) || record.value() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(frames.entry(record.offset(), record.value()));
            } catch (RuntimeException e) {
                if (SceneFeed.retriable(e)) {
                    throw new CatchUpFailedException("Cannot read the event at " + tp + "@" + record.offset()
                            + " now: " + e.getMessage(), e);
                }
                LOG.error("Skipping the undeliverable record at {}@{} of scene {}: {}", tp, record.offset(),
                        sceneKey, e.toString());
                undeliverable.accept(e);
                return Optional.empty();
            }
        }

        private void checkDeadline(long deadline) {
            if (System.nanoTime() - deadline > 0) {
                throw new CatchUpFailedException("Catching up scene " + sceneKey + " from version " + afterVersion
                        + " on " + tp + " took longer than " + timeout, null);
            }
        }
    }

    /** A record of the scene: where, and its version. */
    private record Found(long offset, long version) {
    }

    /** What one chunk of the partition showed of the scene. */
    private record Chunk(Found earliestNewer, boolean sawOlder) {
    }
}
