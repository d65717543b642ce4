package io.scenelog.app.kafka;

import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * The client settings every Scenelog tool uses, in one place: writers are idempotent with {@code acks=all}
 * (DESIGN §4), readers see only committed records ({@code read_committed}) and commit nothing, because the tools
 * position themselves explicitly instead of resuming a consumer group.
 */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    /**
     * An idempotent producer.
     *
     * @param clientId  names the tool in broker logs and metrics
     * @param lingerMs  how long to wait to fill a batch; 0 for latency-sensitive senders
     */
    public static Map<String, Object> idempotentProducer(String bootstrapServers, String clientId, int lingerMs) {
        Map<String, Object> config = common(bootstrapServers, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return config;
    }

    /** A consumer outside any group that reads committed records only; the caller assigns and seeks. */
    public static Map<String, Object> committedReader(String bootstrapServers, String clientId) {
        Map<String, Object> config = common(bootstrapServers, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** A registry client that caches ids and schemas (the serdes look them up per record). */
    public static SchemaRegistryClient registry(URI registryUrl) {
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(registryUrl));
    }

    private static Map<String, Object> common(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
