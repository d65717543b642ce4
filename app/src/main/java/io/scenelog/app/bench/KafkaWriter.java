package io.scenelog.app.bench;

import io.scenelog.model.SceneAction;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The one writer of the fan-out benchmark: transform updates of the scene's entities produced straight to
 * {@code scene-actions} as a simulation writes them (DESIGN §1), by an idempotent producer that sends at once. Writing
 * to Kafka rather than through a Livelink client keeps the writer off the bridge's inbound path and off the clients'
 * threads, so the phase times the fan-out alone: commit log to client. Each action is registered with the
 * {@link CommitWatch} before it is sent, which makes its event a measured one.
 */
final class KafkaWriter implements EventSource, AutoCloseable {

    private final DirectActions actions;
    private final List<UUID> entities;
    private final CommitWatch watch;
    private final KafkaProducer<String, SceneAction> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final long rejectedBefore;

    /**
     * @param actions  builds the writer principal's actions for the scene; one for the whole run, since the
     *                 pipeline refuses a client's repeated clientSeq as a DUPLICATE
     * @param entities the entities it moves, in turn
     */
    KafkaWriter(String bootstrapServers, SchemaRegistryClient registry, DirectActions actions, List<UUID> entities,
            CommitWatch watch) {
        this.actions = actions;
        this.entities = List.copyOf(entities);
        this.watch = watch;
        this.rejectedBefore = watch.rejected();
        this.producer = DirectActions.producer(bootstrapServers, registry);
    }

    /** The writer's client id: the emitter of the measured events. */
    String clientId() {
        return actions.scene().peer().name();
    }

    @Override
    public void send(boolean timed) {
        long n = sent.getAndIncrement();
        SceneAction action = actions.move(entities.get((int) (n % entities.size())), n * 0.001);
        watch.expect(action.getActionId(), timed);
        producer.send(DirectActions.record(action), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long refused() {
        return watch.rejected() - rejectedBefore;
    }

    /**
     * Throws when a send failed or the pipeline rejected an action: its event never came, and the phase's figures
     * would mislead.
     */
    void rethrowFailure() {
        Exception first = failure.get();
        if (first != null) {
            throw new IllegalStateException("The fan-out writer could not produce to Kafka: " + first, first);
        }
        if (refused() > 0) {
            throw new IllegalStateException("The pipeline rejected " + refused() + " of the fan-out writer's "
                    + sent() + " actions; the first: " + watch.firstRejection().map(Object::toString).orElse("?"));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
