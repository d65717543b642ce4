package io.scenelog.app.bench;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One latency measurement: records sent at a constant rate, each timed from its intended send time until a
 * {@code read_committed} reader of {@code watched} sees the record it caused (matched by id).
 *
 * @param <V> the watched topic's value type
 */
final class LatencyProbe<V> {

    /** Latencies up to a minute, three significant digits. */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    private final Topic<String, V> watched;
    private final Function<V, UUID> idOf;

    /**
     * @param watched where the effect of a send becomes visible
     * @param idOf    the id a watched record answers (an action's id)
     */
    LatencyProbe(Topic<String, V> watched, Function<V, UUID> idOf) {
        this.watched = watched;
        this.idOf = idOf;
    }

    /**
     * Sends at {@code rate} for {@code warmUp} without timing (the pipeline reaches its steady state: threads busy,
     * JIT compiled, batches flowing), then for {@code duration} timing each record, then waits up to
     * {@code grace} for the last records.
     *
     * @param send prepares record {@code index}
     */
    Percentiles measure(String bootstrapServers, SchemaRegistryClient registry, double rate, Duration warmUp,
            Duration duration, Duration grace, IndexedSend send) throws InterruptedException {
        Map<UUID, Long> intended = new ConcurrentHashMap<>();
        Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        Map<UUID, Boolean> recorded = new ConcurrentHashMap<>();
        try (RecordWatch<V> watch = new RecordWatch<>(bootstrapServers, registry, watched, (value, seen) -> {
            UUID id = idOf.apply(value);
            Long due = intended.get(id);
            if (due != null && recorded.putIfAbsent(id, Boolean.TRUE) == null) {
                synchronized (micros) {
                    micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (seen - due) / 1000)));
                }
            }
        })) {
            long warmUpCount = PacedSender.run(rate, warmUp, (index, due) -> send.prepare(index).send().run());
            long sent = PacedSender.run(rate, duration, (index, due) -> {
                Outgoing outgoing = send.prepare(warmUpCount + index);
                // Registered before sending: the reader may see the effect before send() returns.
                intended.put(outgoing.id(), due);
                outgoing.send().run();
            });
            Instant deadline = Instant.now().plus(grace);
            while (recorded.size() < sent && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            watch.rethrowFailure();
            synchronized (micros) {
                return Percentiles.of(micros, sent - recorded.size());
            }
        }
    }

    /** Prepares record {@code index}. */
    @FunctionalInterface
    interface IndexedSend {
        Outgoing prepare(long index);
    }

    /**
     * A record ready to go.
     *
     * @param id   the id its effect will carry
     * @param send sends it (asynchronously)
     */
    record Outgoing(UUID id, Runnable send) {
    }
}
