package io.scenelog.edge.kafka;

import io.scenelog.edge.http.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The edge's writes to Kafka. Scene actions and control commands go to the pipeline, and the caller gets the
 * pipeline's {@link ActionResult} (the same reason codes a live client gets); asset and API key records are plain
 * durable writes. One idempotent producer for all, so a retried send never duplicates a record.
 */
public final class CommandGateway implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final ResultWaiter results;
    private final Serializer<SceneAction> actions;
    private final Serializer<SceneControl> commands;
    private final Serializer<AssetRecord> assets;
    private final Serializer<ApiKeyRecord> apiKeys;
    private final Duration timeout;

    private CommandGateway(Producer<String, byte[]> producer, ResultWaiter results, SchemaRegistryClient registry,
            Duration timeout) {
        this.producer = producer;
        this.results = results;
        this.actions = Topics.SCENE_ACTIONS.valueSerde(registry).serializer();
        this.commands = Topics.SCENE_CONTROL.valueSerde(registry).serializer();
        this.assets = Topics.ASSETS.valueSerde(registry).serializer();
        this.apiKeys = Topics.API_KEYS.valueSerde(registry).serializer();
        this.timeout = timeout;
    }

    /**
     * Connects to the cluster and starts reading results from now on.
     *
     * @param timeout how long a request waits for the pipeline's answer or Kafka's acknowledgement
     */
    public static CommandGateway open(Map<String, Object> base, SchemaRegistryClient registry, Duration timeout) {
        ResultWaiter results = new ResultWaiter(base,
                Topics.ACTION_RESULTS.valueSerde(registry).deserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(EdgeKafka.producer(base),
                new StringSerializer(), new ByteArraySerializer());
        return new CommandGateway(producer, results, registry, timeout);
    }

    /**
     * Sends a scene action and waits for its result.
     *
     * @throws ApiException TIMEOUT when the pipeline does not answer in time, UNAVAILABLE when Kafka refuses
     */
    public ActionResult submit(SceneAction action) {
        Set<String> keys = new HashSet<>();
        keys.add(action.getClientId());
        if (action.getSessionId() != null) {
            keys.add(action.getSessionId().toString());
        }
        byte[] value = serialize(() -> actions.serialize(Topics.SCENE_ACTIONS.name(), action));
        CompletableFuture<ActionResult> result = results.expect(action.getActionId(), keys);
        send(Topics.SCENE_ACTIONS, action.getSceneId().toString(), value, result);
        return await(result, "action " + action.getActionId());
    }

    /**
     * Sends a control command and waits for its result.
     *
     * @param sessionId the session the command names, or null (its result is routed by session when there is one)
     * @throws ApiException TIMEOUT when the pipeline does not answer in time, UNAVAILABLE when Kafka refuses
     */
    public ActionResult submit(SceneControl command, UUID sessionId) {
        Set<String> keys = new HashSet<>();
        keys.add(command.getClientId());
        if (sessionId != null) {
            keys.add(sessionId.toString());
        }
        byte[] value = serialize(() -> commands.serialize(Topics.SCENE_CONTROL.name(), command));
        CompletableFuture<ActionResult> result = results.expect(command.getCommandId(), keys);
        send(Topics.SCENE_CONTROL, command.getSceneId().toString(), value, result);
        return await(result, "command " + command.getCommandId());
    }

    /** Writes an asset record and waits for Kafka's acknowledgement. */
    public void write(AssetRecord record) {
        write(Topics.ASSETS, record.getAssetId().toString(), assets.serialize(Topics.ASSETS.name(), record));
    }

    /** Writes an API key record and waits for Kafka's acknowledgement. */
    public void write(ApiKeyRecord record) {
        write(Topics.API_KEYS, record.getKeyId().toString(), apiKeys.serialize(Topics.API_KEYS.name(), record));
    }

    /** Publishes the producer's and the result reader's client metrics; close the binder with the registry. */
    public AutoCloseable bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

    /** Whether the result reader still runs. */
    public boolean healthy() {
        return results.healthy();
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } finally {
            results.close();
        }
    }

    private void write(Topic<String, ?> topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (KafkaException e) {
            throw ApiException.unavailable("Kafka did not accept the write to " + topic.name() + ": "
                    + e.getMessage());
        } catch (ExecutionException e) {
            throw ApiException.unavailable("Kafka did not accept the write to " + topic.name() + ": "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw ApiException.of(ErrorCode.TIMEOUT, "Kafka did not acknowledge the write to " + topic.name()
                    + " within " + timeout.toSeconds() + " s; it may still be stored");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while writing to Kafka");
        }
    }

    /**
     * Sends, completing the wait with the failure when the producer refuses at once (e.g. no metadata within
     * max.block.ms), so a failed send never leaves a wait behind.
     */
    private void send(Topic<String, ?> topic, String key, byte[] value, CompletableFuture<ActionResult> result) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                }
            });
        } catch (KafkaException e) {
            result.completeExceptionally(e);
        }
    }

    /** Serialises before anything waits: a registry that cannot be reached is 503, not a leaked wait or a 500. */
    private static byte[] serialize(Supplier<byte[]> serializer) {
        try {
            return serializer.get();
        } catch (KafkaException e) {
            throw ApiException.unavailable("The write cannot be encoded right now (schema registry): "
                    + e.getMessage());
        }
    }

    private ActionResult await(CompletableFuture<ActionResult> result, String what) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new ApiException(ErrorCode.TIMEOUT, "The commit pipeline did not answer " + what + " within "
                    + timeout.toSeconds() + " s; it may still be committed: retry with the same Idempotency-Key"
                    + " to learn the outcome", Map.of());
        } catch (ExecutionException e) {
            throw ApiException.unavailable("Kafka did not accept " + what + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for " + what);
        }
    }
}
