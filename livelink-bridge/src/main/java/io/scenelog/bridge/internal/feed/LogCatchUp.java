package io.scenelog.bridge.internal.feed;

import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a scene's older events from the log for a connection whose resume point (or join point) is older than the
 * scene's window. The scene's events share a partition with other scenes' and their versions increase with the
 * offset, so the first event after a version is found by a binary search over offsets, each probe reading forward
 * to the scene's next record. Each catch-up has a consumer of its own, closed with its {@link Cursor}.
 */
public final class LogCatchUp {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Object> consumerConfig;
    private final EventFrames frames;
    private final Duration timeout;

    /**
     * @param consumerConfig a group-less read_committed consumer's config
     * @param frames         reads each record's version
     * @param timeout        how long locating the resume point and reading up to the window may take
     */
    public LogCatchUp(Map<String, Object> consumerConfig, EventFrames frames, Duration timeout) {
        this.consumerConfig = consumerConfig;
        this.frames = frames;
        this.timeout = timeout;
    }

    /**
     * Positions a cursor on the first event of the scene after {@code afterVersion}.
     *
     * @param upperOffset where the scene's window starts: the events from there on are the window's
     * @return the cursor, or empty when the log no longer holds the event after {@code afterVersion} (deleted by
     *     retention), so the connection cannot resume from it
     * @throws CatchUpFailedException when the log cannot be read in time
     */
    public Optional<Cursor> open(UUID sceneId, int partition, long afterVersion, long upperOffset) {
        TopicPartition tp = new TopicPartition(Topics.SCENE_EVENTS.name(), partition);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        boolean handedOver = false;
        try {
            consumer.assign(List.of(tp));
            Cursor cursor = new Cursor(consumer, tp, sceneId.toString(), afterVersion,
                    System.nanoTime() + timeout.toNanos());
            long logStart = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            Optional<Long> start = cursor.locate(logStart, upperOffset);
            if (start.isEmpty()) {
                return Optional.empty();
            }
            consumer.seek(tp, start.get());
            handedOver = true;
            return Optional.of(cursor);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new CatchUpFailedException("Reading partition " + tp + " timed out", e);
        } finally {
            if (!handedOver) {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
            }
        }
    }

    /** Reads a scene's events in order from where {@link #open} positioned it. */
    public final class Cursor implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final TopicPartition tp;
        private final String sceneKey;
        private final long afterVersion;
        private final long deadlineNanos;

        private Cursor(KafkaConsumer<String, byte[]> consumer, TopicPartition tp, String sceneKey, long afterVersion,
                long deadlineNanos) {
            this.consumer = consumer;
            this.tp = tp;
            this.sceneKey = sceneKey;
            this.afterVersion = afterVersion;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * The scene's next events after the resume version (possibly none yet).
         *
         * @throws CatchUpFailedException when the catch-up takes longer than its timeout
         */
        public List<EventEntry> next() {
            checkDeadline();
            List<EventEntry> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (sceneKey.equals(record.key()) && record.value() != null) {
                    EventEntry entry = frames.entry(record.offset(), record.value());
                    if (entry.version() > afterVersion) {
                        batch.add(entry);
                    }
                }
            }
            return batch;
        }

        /** The offset of the next record to read: every record before it has been returned. */
        public long position() {
            return consumer.position(tp);
        }

        @Override
        public void close() {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }

        /**
         * Where reading must start: the offset after the scene's last event at or below the resume version, found
         * by binary search for the smallest offset from which the scene's next event is newer than that version.
         */
        private Optional<Long> locate(long logStart, long upperOffset) {
            Optional<Found> first = nextSceneRecord(logStart, upperOffset);
            if (first.isEmpty() || first.get().version() > afterVersion + 1) {
                return Optional.empty();
            }
            if (first.get().version() == afterVersion + 1) {
                return Optional.of(first.get().offset());
            }
            long low = first.get().offset();
            long high = upperOffset;
            while (high - low > 1) {
                long mid = low + (high - low) / 2;
                Optional<Found> next = nextSceneRecord(mid, high);
                if (next.isEmpty() || next.get().version() > afterVersion) {
                    high = mid;
                } else {
                    low = next.get().offset();
                }
            }
            return Optional.of(high);
        }

        /** The scene's first record at or after {@code from} and before {@code until}. */
        private Optional<Found> nextSceneRecord(long from, long until) {
            if (from >= until) {
                return Optional.empty();
            }
            consumer.seek(tp, from);
            while (true) {
                checkDeadline();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= until) {
                        return Optional.empty();
                    }
                    if (sceneKey.equals(record.key()) && record.value() != null) {
                        return Optional.of(new Found(record.offset(),
                                frames.entry(record.offset(), record.value()).version()));
                    }
                }
                if (consumer.position(tp) >= until) {
                    return Optional.empty();
                }
            }
        }

        private void checkDeadline() {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new CatchUpFailedException("Catching up scene " + sceneKey + " from version " + afterVersion
                        + " on " + tp + " took longer than " + timeout, null);
            }
        }
    }

    /** A record of the scene: where, and its version. */
    private record Found(long offset, long version) {
    }
}
