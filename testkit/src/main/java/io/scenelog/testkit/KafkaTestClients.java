package io.scenelog.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * Client configs for the {@link SharedKafka} broker, with the settings our production readers and
 * writers use ({@code read_committed}, idempotent {@code acks=all}) and fresh group ids. Each call
 * returns a new mutable map: add serializers or overrides as the test needs.
 */
public final class KafkaTestClients {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private KafkaTestClients() {
    }

    /** @return admin client config for the shared broker */
    public static Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return config;
    }

    /**
     * Idempotent producer, {@code acks=all}, {@code linger.ms=0} (Kafka 4 defaults to 5 ms, which
     * makes blocking send loops in tests several times slower).
     *
     * @return producer config without serializers
     */
    public static Map<String, Object> producerConfig() {
        Map<String, Object> config = adminConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    /**
     * @param prefix readable part of the transactional id
     * @return {@link #producerConfig()} with a fresh {@code transactional.id}
     */
    public static Map<String, Object> transactionalProducerConfig(String prefix) {
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.transactionalId(prefix));
        return config;
    }

    /**
     * Consumer in a fresh group that reads committed records from the earliest offset and commits
     * nothing by itself.
     *
     * @return consumer config without deserializers
     */
    public static Map<String, Object> consumerConfig() {
        Map<String, Object> config = adminConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.groupId("test"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** @return a new admin client for the shared broker; close it */
    public static Admin admin() {
        return Admin.create(adminConfig());
    }

    /**
     * Creates a topic on the shared broker (it creates none automatically) and waits for it.
     *
     * @param name       e.g. from {@link UniqueNames#topic}
     * @param partitions partition count
     * @return the name, for chaining
     */
    public static String createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return name;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name + " with " + partitions
                    + " partitions on " + SharedKafka.bootstrapServers() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }
}
