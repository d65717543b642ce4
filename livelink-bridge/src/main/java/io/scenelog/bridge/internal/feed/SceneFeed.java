package io.scenelog.bridge.internal.feed;

import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.streams.StateKeys;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one reader of the commit log and of action results: a group-less {@code read_committed} consumer,
 * assigned the partitions of the scenes its clients are in (a scene's events and results share its partition number,
 * {@link StateKeys#partitionOf}), starting at their end. Committed events go to the scene's {@link SceneWindow}
 * (and from there to its connections); results go to the {@link ResultSink}. Several bridges each read what they
 * need; none commits offsets.
 *
 * <p>Everything that touches the consumer runs on the feed's own thread; other threads ask it through commands
 * ({@link #open}), which wake the poll up.
 */
public final class SceneFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SceneFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final int MAX_WAKEUPS = 10_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventFrames frames;
    private final ResultSink results;
    private final FeedListener listener;
    private final int maxEvents;
    private final long maxBytes;
    private final long graceNanos;
    private final int partitions;
    private final Map<String, SceneWindow> windows = new ConcurrentHashMap<>();
    private final Set<Integer> assigned = new HashSet<>();
    private final LinkedBlockingQueue<PendingOpen> opens = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * @param consumerConfig a group-less read_committed consumer's config (bootstrap servers and the like)
     * @param frames         turns event values into frames
     * @param results        gets every action result of the assigned partitions
     * @param listener       told about each event fanned out and each problem, for metrics
     * @param window         the bounds of each scene's window and its grace
     */
    public SceneFeed(Map<String, Object> consumerConfig, EventFrames frames, ResultSink results,
            FeedListener listener, WindowBounds window) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        this.frames = frames;
        this.results = results;
        this.listener = listener;
        this.maxEvents = window.events();
        this.maxBytes = window.bytes();
        this.graceNanos = window.grace().toNanos();
        try {
            this.partitions = partitionCount(consumer);
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        this.thread = new Thread(this::run, "scenelog-bridge-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The number of partitions of the scene-keyed topics. */
    public int partitions() {
        return partitions;
    }

    /**
     * The window of a scene, opened (and its partition assigned) if needed, held for the caller until it calls
     * {@link SceneWindow#release}. Completes once the feed reads the scene.
     */
    public CompletableFuture<SceneWindow> open(UUID sceneId) {
        CompletableFuture<SceneWindow> opened = new CompletableFuture<>();
        RuntimeException stopped = failure;
        if (stopped != null || !running) {
            opened.completeExceptionally(new IllegalStateException("The scene feed has stopped", stopped));
            return opened;
        }
        opens.add(new PendingOpen(sceneId, opened));
        consumer.wakeup();
        return opened;
    }

    /** The open window of a scene, if any (for metrics and tests). */
    public SceneWindow window(UUID sceneId) {
        return windows.get(sceneId.toString());
    }

    /** How many scene windows are open. */
    public int windowCount() {
        return windows.size();
    }

    /** Whether the feed still runs. */
    public boolean healthy() {
        return running && failure == null && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                runOpens();
                closeExpiredWindows();
                if (assigned.isEmpty()) {
                    PendingOpen open = opens.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (open != null) {
                        open.run(this);
                    }
                    continue;
                }
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(POLL);
                } catch (WakeupException e) {
                    continue;
                }
                for (TopicPartition partition : records.partitions()) {
                    handle(partition, records.records(partition));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The bridge's scene feed stopped; connections receive no further events.", e);
            listener.feedFailed(e);
        } finally {
            running = false;
            failPendingOpens();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void handle(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        boolean events = partition.topic().equals(Topics.SCENE_EVENTS.name());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null || record.value() == null) {
                continue;
            }
            try {
                if (events) {
                    fanOut(record);
                } else {
                    results.onResult(record.key(), record.value());
                }
            } catch (RuntimeException e) {
                if (retriable(e)) {
                    // The registry cannot be asked now: read this record again rather than leave a gap. Nothing of
                    // it was delivered yet (a record becomes a frame, or a result is decoded, before it goes out).
                    LOG.warn("Cannot handle the record at {}@{} now ({}); retrying.", partition, record.offset(),
                            e.getMessage());
                    consumer.seek(partition, record.offset());
                    pause();
                    return;
                }
                // A poison record (bytes that are no event or result, an unknown schema id, a bug of ours): one
                // record is lost, never the feed, which every connection of every followed scene depends on.
                LOG.error("Skipping the undeliverable record at {}@{} (key {}): {}", partition, record.offset(),
                        record.key(), e.toString());
                listener.eventUndeliverable(e);
            }
        }
    }

    private void fanOut(ConsumerRecord<String, byte[]> record) {
        SceneWindow window = windows.get(record.key());
        if (window == null) {
            return;
        }
        EventEntry entry = frames.entry(record.offset(), record.value());
        window.append(entry);
        listener.eventFannedOut(entry, window.sinkCount());
    }

    /**
     * Whether a failure to handle a record passes: the registry was unreachable or overloaded (a schema id it
     * does not know, a record it cannot decode, are not: waiting would stall every scene of the bridge for good).
     */
    static boolean retriable(RuntimeException e) {
        return e instanceof RetriableException
                || (e instanceof SchemaRegistryException registry && registry.isRetriable());
    }

    private SceneWindow openOnFeedThread(UUID sceneId) {
        String key = sceneId.toString();
        SceneWindow window = windows.get(key);
        if (window == null) {
            int partition = StateKeys.partitionOf(sceneId, partitions);
            TopicPartition events = new TopicPartition(Topics.SCENE_EVENTS.name(), partition);
            TopicPartition results = new TopicPartition(Topics.ACTION_RESULTS.name(), partition);
            if (assigned.add(partition)) {
                reassign();
                consumer.seekToEnd(List.of(events, results));
            }
            // Resolved now, not at the next poll: a result written in between would be skipped.
            consumer.position(results);
            // Every record before this position was handled (records of a poll are handled before commands run),
            // so the window sees every event of the scene from here on.
            long start = consumer.position(events);
            window = new SceneWindow(sceneId, partition, start, maxEvents, maxBytes);
            windows.put(key, window);
            LOG.debug("Opened the window of scene {} at offset {} of partition {}.", sceneId, start, partition);
        }
        window.hold();
        return window;
    }

    private void closeExpiredWindows() {
        long now = System.nanoTime();
        boolean removed = false;
        for (Map.Entry<String, SceneWindow> entry : windows.entrySet()) {
            if (entry.getValue().expired(now, graceNanos)) {
                windows.remove(entry.getKey());
                removed = true;
                LOG.debug("Closed the window of scene {}.", entry.getKey());
            }
        }
        if (removed) {
            Set<Integer> needed = new HashSet<>();
            windows.values().forEach(window -> needed.add(window.partition()));
            if (assigned.retainAll(needed)) {
                reassign();
            }
        }
    }

    private void reassign() {
        List<TopicPartition> wanted = new ArrayList<>();
        for (int partition : assigned) {
            wanted.add(new TopicPartition(Topics.SCENE_EVENTS.name(), partition));
            wanted.add(new TopicPartition(Topics.ACTION_RESULTS.name(), partition));
        }
        consumer.assign(wanted);
    }

    private void runOpens() {
        PendingOpen open;
        while ((open = opens.poll()) != null) {
            open.run(this);
        }
    }

    private void failPendingOpens() {
        PendingOpen open;
        while ((open = opens.poll()) != null) {
            open.future().completeExceptionally(new IllegalStateException("The scene feed has stopped", failure));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int partitionCount(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> events = consumer.partitionsFor(Topics.SCENE_EVENTS.name(), Duration.ofSeconds(30));
        List<PartitionInfo> results = consumer.partitionsFor(Topics.ACTION_RESULTS.name(), Duration.ofSeconds(30));
        if (events == null || events.isEmpty() || results == null || results.isEmpty()) {
            throw new IllegalStateException("Topics " + Topics.SCENE_EVENTS.name() + " and "
                    + Topics.ACTION_RESULTS.name() + " must exist; provision the topic catalogue first");
        }
        if (events.size() != results.size()) {
            throw new IllegalStateException(Topics.SCENE_EVENTS.name() + " has " + events.size() + " partitions but "
                    + Topics.ACTION_RESULTS.name() + " " + results.size() + "; scene-keyed topics must match");
        }
        return events.size();
    }

    /** A window someone waits for. */
    private record PendingOpen(UUID sceneId, CompletableFuture<SceneWindow> future) {
        void run(SceneFeed feed) {
            for (int attempt = 1; ; attempt++) {
                try {
                    future.complete(feed.openOnFeedThread(sceneId));
                    return;
                } catch (WakeupException e) {
                    // Another open woke the consumer up to be served; the wake-up hit this call instead. Retry: each
                    // open wakes it once, so a burst of joins (a bridge's clients coming back after a restart) costs
                    // as many retries as opens, and a small cap would refuse joins that were about to succeed.
                    if (attempt == MAX_WAKEUPS) {
                        future.completeExceptionally(e);
                        return;
                    }
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                    return;
                }
            }
        }
    }
}
