package io.scenelog.renderer.node.internal;

import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.renderer.node.RenderNodeSettings;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's heartbeats on {@code render-nodes}: its state, capacity, hosted sessions, CPU load and device. */
public final class Heartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final RenderNodeSettings settings;
    private final String device;
    private final KafkaProducer<String, NodeStatus> producer;

    public Heartbeats(RenderNodeSettings settings, String device, Map<String, Object> producerConfig,
            SchemaRegistryClient registry) {
        this.settings = settings;
        this.device = device;
        this.producer = new KafkaProducer<>(producerConfig, Topics.RENDER_NODES.keySerde(registry).serializer(),
                Topics.RENDER_NODES.valueSerde(registry).serializer());
    }

    /** Sends one heartbeat (asynchronously: a late one is replaced by the next). */
    public void beat(NodeState state, Collection<UUID> sessions) {
        NodeStatus status = status(state, sessions);
        producer.send(new ProducerRecord<>(Topics.RENDER_NODES.name(), settings.nodeId(), status), (m, error) -> {
            if (error != null) {
                LOG.warn("Render node '{}' could not send its heartbeat: {}", settings.nodeId(), error.toString());
            }
        });
    }

    /** Sends the last heartbeat, DOWN, and waits for it, so the platform moves the sessions without waiting. */
    public void goodbye() {
        try {
            producer.send(new ProducerRecord<>(Topics.RENDER_NODES.name(), settings.nodeId(),
                    status(NodeState.DOWN, List.of()))).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Render node '{}' could not announce that it is DOWN; the platform will notice its silence: {}",
                    settings.nodeId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NodeStatus status(NodeState state, Collection<UUID> sessions) {
        return NodeStatus.newBuilder()
                .setNodeId(settings.nodeId())
                .setStatus(state)
                .setCapacity(settings.capacity())
                .setSessions(List.copyOf(sessions))
                .setCpuLoad(cpuLoad())
                .setDevice(device)
                .setHost(settings.host())
                .setFrameEndpoint(null)
                .setHeartbeatAt(Instant.now())
                .build();
    }

    /** The system's recent CPU load from 0 to 1, or 0 where the JVM cannot tell. */
    static double cpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getCpuLoad();
            return load < 0 || Double.isNaN(load) ? 0 : Math.min(1, load);
        }
        return 0;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
