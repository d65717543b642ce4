package io.scenelog.app.bench;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The closed-loop pipeline peer: as many clients as the REST writes had, each producing the same transform updates
 * straight to Kafka and waiting for its {@link ActionResult} before the next, exactly as a PATCH does inside the
 * edge. The same traffic shape as the REST writes (bursts of waiting clients, not an even pace), so the ratio of the
 * two is the cost of HTTP, JSON, the edge's authentication and the state read, and nothing else.
 */
final class DirectClosedLoop implements AutoCloseable {

    private final Map<UUID, CompletableFuture<ActionResult>> pending = new ConcurrentHashMap<>();
    private final DirectActions actions;
    private final Duration timeout;
    private final RecordWatch<ActionResult> watch;
    private final KafkaProducer<String, SceneAction> producer;

    /** Starts watching results from now on (before anything is sent), then opens the producer. */
    DirectClosedLoop(String bootstrapServers, SchemaRegistryClient registry, DirectActions actions,
            Duration timeout) {
        this.actions = actions;
        this.timeout = timeout;
        this.watch = new RecordWatch<>(bootstrapServers, registry, Topics.ACTION_RESULTS, (result, seen) -> {
            CompletableFuture<ActionResult> waiting = pending.remove(result.getActionId());
            if (waiting != null) {
                waiting.complete(result);
            }
        });
        this.producer = DirectActions.producer(bootstrapServers, registry);
    }

    /** One call per REST client, each moving that client's own entities in turn. */
    List<ClosedLoop.Call> calls() {
        List<ClosedLoop.Call> calls = new ArrayList<>();
        for (RestScene.Client client : actions.scene().clients()) {
            List<UUID> own = client.entities();
            calls.add(n -> submit(actions.move(own.get((int) (n % own.size())), n * 0.001)));
        }
        return calls;
    }

    /** Throws what stopped the result reader, if something did. */
    void rethrowFailure() {
        watch.rethrowFailure();
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            watch.close();
        }
    }

    private ClosedLoop.Outcome submit(SceneAction action) throws InterruptedException {
        CompletableFuture<ActionResult> result = new CompletableFuture<>();
        // registered before sending: the reader may see the result before send() returns
        pending.put(action.getActionId(), result);
        producer.send(DirectActions.record(action), (metadata, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            }
        });
        try {
            ActionResult answer = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return answer.getStatus() == ActionStatus.ACCEPTED ? ClosedLoop.Outcome.OK
                    : ClosedLoop.Outcome.failed("rejected " + answer.getReason(), answer.getMessage());
        } catch (TimeoutException e) {
            pending.remove(action.getActionId());
            return ClosedLoop.Outcome.failed("no ActionResult within " + timeout.toSeconds() + " s",
                    "action " + action.getActionId());
        } catch (ExecutionException e) {
            pending.remove(action.getActionId());
            return ClosedLoop.Outcome.failed("send failed", String.valueOf(e.getCause()));
        }
    }
}
