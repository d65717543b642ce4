package io.scenelog.bridge.internal.relay;

import io.scenelog.model.SceneAction;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces clients' actions to {@code scene-actions}, keyed by scene, with one idempotent producer acknowledged by
 * every in-sync replica and sent at once (a client waits for the result). Sending never blocks long: a producer that
 * cannot reach Kafka fails the send, and the caller tells its client to reconnect and resend. Thread-safe.
 */
public final class ActionRelay implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final Serializer<SceneAction> serializer;

    /**
     * @param base     bootstrap servers and the like
     * @param registry where the action schema is registered
     */
    public ActionRelay(Map<String, Object> base, SchemaRegistryClient registry) {
        this.producer = new KafkaProducer<>(producerConfig(base), new StringSerializer(), new ByteArraySerializer());
        this.serializer = Topics.SCENE_ACTIONS.valueSerde(registry).serializer();
    }

    /**
     * Produces an action (its token already stamped).
     *
     * @param onFailure told, on a Kafka thread or the caller's, when the action could not be written: it did not
     *                  reach the pipeline and may be sent again with the same actionId
     */
    public void send(SceneAction action, Consumer<Exception> onFailure) {
        byte[] value;
        try {
            value = serializer.serialize(Topics.SCENE_ACTIONS.name(), action);
        } catch (KafkaException e) {
            onFailure.accept(e);
            return;
        }
        try {
            producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), value),
                    (metadata, error) -> {
                        if (error != null) {
                            onFailure.accept(error);
                        }
                    });
        } catch (KafkaException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> producerConfig(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A Jetty thread sends: never block it for long on missing metadata; a failed send reaches the client.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "scenelog-bridge-actions-" + UUID.randomUUID());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
        return config;
    }
}
