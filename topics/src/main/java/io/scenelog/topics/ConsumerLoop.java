package io.scenelog.topics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer's poll loop on a daemon thread of its own, for the tools that follow a topic in the background: it hands
 * every batch to a handler, keeps the error that stopped it (the caller asks with {@link #rethrowFailure}), and closes
 * the consumer when it ends. The caller positions the consumer before {@link #start()}; from then on only the loop's
 * thread touches it (Kafka consumers are not thread-safe), except for {@link KafkaConsumer#wakeup()} on close.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ConsumerLoop<K, V> implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<K, V> consumer;
    private final Duration poll;
    private final Consumer<ConsumerRecords<K, V>> handler;
    private final Consumer<RuntimeException> onFailure;
    private final Thread thread;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** A loop whose failure only {@link #rethrowFailure} reports; see the full constructor. */
    public ConsumerLoop(String threadName, KafkaConsumer<K, V> consumer, Duration poll,
            Consumer<ConsumerRecords<K, V>> handler) {
        this(threadName, consumer, poll, handler, failure -> {
            // nobody to tell but the caller, who asks with rethrowFailure
        });
    }

    /**
     * @param threadName names the loop's thread in dumps and logs
     * @param consumer   the consumer, already assigned and positioned; closed by the loop
     * @param poll       how long one poll may block
     * @param handler    gets every batch, on the loop's thread
     * @param onFailure  told (on the loop's thread) about the error that stopped the loop, e.g. to fail waiters
     */
    public ConsumerLoop(String threadName, KafkaConsumer<K, V> consumer, Duration poll,
            Consumer<ConsumerRecords<K, V>> handler, Consumer<RuntimeException> onFailure) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts polling. */
    public void start() {
        thread.start();
    }

    /**
     * Throws the error that stopped the loop, if one did.
     *
     * @param what what the loop was doing, for the message (e.g. "Reading action-results")
     */
    public void rethrowFailure(String what) {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the loop and waits for it to close its consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                handler.accept(consumer.poll(poll));
            }
        } catch (WakeupException e) {
            // close() wakes the consumer on purpose; a wakeup while still running is a failure
            if (running) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    private void fail(RuntimeException e) {
        failure.set(e);
        onFailure.accept(e);
    }
}
