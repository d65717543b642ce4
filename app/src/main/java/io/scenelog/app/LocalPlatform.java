package io.scenelog.app;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.kafka.embedded.BrokerProcess;
import io.scenelog.kafka.embedded.BrokerProcessOptions;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicStatus;
import io.scenelog.topics.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: a Kafka broker in its own process, the topic catalogue, and the edge (schema
 * registry). Parts start in dependency order and stop in reverse, so nothing outlives what it depends on.
 */
final class LocalPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    /** One machine has one replica of everything. */
    private static final short REPLICATION_FACTOR = 1;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private BrokerProcess broker;
    private EdgeServer edge;
    private List<TopicStatus> topics;

    private LocalPlatform() {
    }

    /**
     * Starts every part, or stops the parts already started and rethrows if one fails.
     */
    static LocalPlatform start(UpSettings settings) {
        LocalPlatform platform = new LocalPlatform();
        try {
            platform.startParts(settings);
            return platform;
        } catch (RuntimeException e) {
            LOG.error("Scenelog did not start; stopping what had started.");
            platform.close();
            throw e;
        }
    }

    private void startParts(UpSettings settings) {
        BrokerSettings brokerSettings = BrokerSettings.defaults(settings.kafkaDirectory())
                .withHost(settings.host())
                .withPort(settings.kafkaPort())
                .withControllerPort(settings.controllerPort());
        LOG.info("Starting the Kafka broker on {}:{} with data in {}.", settings.host(), settings.kafkaPort(),
                settings.kafkaDirectory());
        broker = remember(BrokerProcess.start(brokerSettings,
                BrokerProcessOptions.defaults().withMaxHeap(settings.brokerHeap())));
        topics = provisionTopics(broker.bootstrapServers());
        edge = remember(EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers())
                .withHost(settings.host())
                .withPort(settings.httpPort())
                .withReplicationFactor(REPLICATION_FACTOR)));
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return edge.baseUri().toString();
    }

    List<TopicStatus> topics() {
        return topics;
    }

    /** Whether every part is still running (the broker is a separate process that can die on its own). */
    boolean healthy() {
        return broker.isAlive();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.error("Could not stop {} cleanly; continuing with the rest.", part, e);
            }
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    private static List<TopicStatus> provisionTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return new TopicProvisioner(admin, REPLICATION_FACTOR).ensure(Topics.all());
        }
    }
}
