package io.scenelog.app.tail;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.streams.StateKeys;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows the commit log ({@code scene-events}) as an analytics consumer does: {@code read_committed}, outside any
 * consumer group (it positions itself from its {@link StartPosition} and commits nothing), one partition when a
 * scene is given. Thread-safe only in that {@link #stop()} may be called from another thread.
 */
public final class SceneEventTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * Seeking by time uses record timestamps (the time an action was produced), while {@code --from-time} selects by
     * {@code committedAt}, which comes a little later; starting this much earlier and filtering by committedAt
     * finds every event committed at or after the instant.
     */
    private static final Duration TIME_SEEK_MARGIN = Duration.ofMinutes(1);

    private final TailSettings settings;
    private final KafkaConsumer<String, SceneEvent> consumer;
    private final EventFilter filter;
    private volatile boolean stopping;

    private SceneEventTail(TailSettings settings, KafkaConsumer<String, SceneEvent> consumer) {
        this.settings = settings;
        this.consumer = consumer;
        this.filter = new EventFilter(settings);
    }

    /** Connects a consumer (nothing is read until {@link #run}). */
    public static SceneEventTail open(TailSettings settings) {
        SchemaRegistryClient registry = ClientConfigs.registry(settings.registryUrl());
        KafkaConsumer<String, SceneEvent> consumer = new KafkaConsumer<>(
                ClientConfigs.committedReader(settings.bootstrapServers(), "scenelog-tail"),
                Topics.SCENE_EVENTS.keySerde(registry).deserializer(),
                Topics.SCENE_EVENTS.valueSerde(registry).deserializer());
        return new SceneEventTail(settings, consumer);
    }

    /**
     * Positions the reader, then hands every event that passes the filter to {@code sink} until {@code --max}
     * events, {@code --timeout}, or {@link #stop()}.
     *
     * @return how many events were handed over
     */
    public long run(Consumer<SceneEvent> sink) {
        Instant deadline = settings.timeout().map(Instant.now()::plus).orElse(Instant.MAX);
        long limit = settings.max().orElse(Long.MAX_VALUE);
        long printed = 0;
        try {
            position();
            while (!stopping && printed < limit) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                Duration wait = left.compareTo(POLL) < 0 ? left : POLL;
                for (ConsumerRecord<String, SceneEvent> record : consumer.poll(wait)) {
                    Optional<SceneEvent> shown = filter.apply(record.value());
                    if (shown.isPresent() && printed < limit) {
                        sink.accept(shown.get());
                        printed++;
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        }
        return printed;
    }

    /** Asks a running {@link #run} to return after the events already handed over; safe from any thread. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private void position() {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        StartPosition start = settings.start();
        if (start instanceof StartPosition.Live) {
            consumer.seekToEnd(partitions);
            // Resolve the end now, so that events committed from here on are printed even if the first poll is late.
            partitions.forEach(consumer::position);
        } else if (start instanceof StartPosition.FromTime from) {
            seekToTime(partitions, from.time().minus(TIME_SEEK_MARGIN));
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    private void seekToTime(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    private List<TopicPartition> partitions() {
        String topic = Topics.SCENE_EVENTS.name();
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist on " + settings.bootstrapServers()
                    + ": start the platform (scenelog up) or create the topics (scenelog topics --create)");
        }
        Optional<UUID> scene = settings.scene();
        if (scene.isPresent()) {
            return List.of(new TopicPartition(topic, StateKeys.partitionOf(scene.get(), infos.size())));
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }
}
