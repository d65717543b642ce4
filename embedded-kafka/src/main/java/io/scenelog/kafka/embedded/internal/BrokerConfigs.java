package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kafka.server.KafkaConfig;

/**
 * Turns {@link BrokerSettings} into the Kafka broker config of a one-node KRaft cluster.
 */
public final class BrokerConfigs {

    /** Name of the controller listener; the storage formatter needs it too. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Name of the client and inter-broker listener. */
    public static final String CLIENT_LISTENER = "PLAINTEXT";

    /**
     * Settings one node needs. Kafka's defaults assume three brokers: with them transactional
     * producers block in {@code initTransactions()} (the transaction log wants three replicas),
     * every consumer group start waits 3 s, and the log cleaner reserves 128 MB of heap.
     */
    public static final Map<String, String> ONE_NODE_DEFAULTS = oneNodeDefaults();

    /** Configs derived from {@link BrokerSettings} that an override must not contradict. */
    public static final Set<String> MANAGED = Set.of(
            "process.roles", "node.id", "broker.id", "listeners", "controller.listener.names",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "inter.broker.listener.name", "listener.security.protocol.map",
            "log.dirs", "log.dir", "metadata.log.dir");

    private static final String LISTENER_PREFIX = "listener.name.";

    private BrokerConfigs() {
    }

    /**
     * @param key a broker config name
     * @return whether Kafka knows it (per-listener configs are accepted by their prefix)
     */
    public static boolean isKnownBrokerConfig(String key) {
        return key.startsWith(LISTENER_PREFIX) || KnownNames.NAMES.contains(key);
    }

    /**
     * @param dataDirectory the broker's data directory
     * @return Kafka's log directory (data and KRaft metadata) below it
     */
    public static Path kafkaLogDirectory(Path dataDirectory) {
        return dataDirectory.resolve("kafka");
    }

    /**
     * @param settings       validated settings
     * @param port           the client port actually used (never 0)
     * @param controllerPort the controller port actually used (never 0)
     * @return the complete broker config
     */
    public static Map<String, String> build(BrokerSettings settings, int port, int controllerPort) {
        String host = settings.host();
        Map<String, String> config = new LinkedHashMap<>(ONE_NODE_DEFAULTS);
        config.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + port);
        config.putAll(settings.configOverrides());
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(settings.nodeId()));
        config.put("listeners", CLIENT_LISTENER + "://" + host + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        config.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", CLIENT_LISTENER);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        // A static voter set (kraft.version 0) stores no endpoints in the metadata log, so a
        // restart may pick another controller port and still find its quorum of one.
        config.put("controller.quorum.voters", settings.nodeId() + "@" + host + ":" + controllerPort);
        config.put("log.dirs", kafkaLogDirectory(settings.dataDirectory()).toString());
        return config;
    }

    private static Map<String, String> oneNodeDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("auto.create.topics.enable", "false");
        defaults.put("num.partitions", "3");
        defaults.put("default.replication.factor", "1");
        defaults.put("min.insync.replicas", "1");
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("offsets.topic.num.partitions", "5");
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("transaction.state.log.num.partitions", "5");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        defaults.put("share.coordinator.state.topic.num.partitions", "5");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        return Collections.unmodifiableMap(defaults);
    }

    /** Loaded on first use: building Kafka's config definition costs a few hundred classes. */
    private static final class KnownNames {
        static final Set<String> NAMES = Set.copyOf(KafkaConfig.configDef().names());
    }
}
