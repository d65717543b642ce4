package io.scenelog.renderer.node;

import io.scenelog.model.NodeState;
import io.scenelog.model.SessionRecord;
import io.scenelog.renderer.node.internal.ControlChannel;
import io.scenelog.renderer.node.internal.Heartbeats;
import io.scenelog.renderer.node.internal.NodeAssets;
import io.scenelog.renderer.node.internal.NodeDevice;
import io.scenelog.renderer.node.internal.RendererCommand;
import io.scenelog.renderer.node.internal.SessionSupervisor;
import io.scenelog.renderer.node.internal.TokenKeyFile;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The render node agent (DESIGN §6, §8): announces the node on {@code render-nodes} with heartbeats, follows
 * {@code sessions}, and runs one renderer process per session assigned to it, reporting each RUNNING (or lost) on
 * {@code scene-control}. One thread does all the bookkeeping; the renderers are processes of their own, so one that
 * crashes takes no other session with it. {@link #close()} stops the renderers and says goodbye (DOWN).
 */
public final class RenderNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RenderNode.class);

    private final RenderNodeSettings settings;
    private final TopicView<SessionRecord> sessions;
    private final Heartbeats heartbeats;
    private final ControlChannel control;
    private final SessionSupervisor supervisor;
    private final ScheduledExecutorService agent;
    private boolean closed;

    private RenderNode(RenderNodeSettings settings, TopicView<SessionRecord> sessions, Heartbeats heartbeats,
            ControlChannel control, SessionSupervisor supervisor) {
        this.settings = settings;
        this.sessions = sessions;
        this.heartbeats = heartbeats;
        this.control = control;
        this.supervisor = supervisor;
        this.agent = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "render-node-" + settings.nodeId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the agent: the first heartbeat goes out at once, then the node follows its sessions.
     *
     * @throws IllegalStateException when a topic it needs does not exist
     */
    public static RenderNode start(RenderNodeSettings settings) {
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(URI.create(settings.schemaRegistryUrl())));
        Map<String, Object> base = new HashMap<>(settings.kafkaOverrides());
        base.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        Map<String, Object> producer = new HashMap<>(base);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        RendererCommand command = new RendererCommand(settings,
                TokenKeyFile.write(settings.workDirectory(), settings.tokenKey()));
        TopicView<SessionRecord> view = TopicView.follow(Topics.SESSIONS, base,
                Topics.SESSIONS.valueSerde(registry).deserializer());
        Heartbeats heartbeats = new Heartbeats(settings, NodeDevice.describe(), producer, registry);
        ControlChannel control = new ControlChannel(settings.nodeId(), settings.tokenKey(), producer, registry);
        RenderNode node = new RenderNode(settings, view, heartbeats, control,
                new SessionSupervisor(settings, command, control, NodeAssets.open(settings)));
        node.schedule();
        LOG.info("Render node '{}' started: capacity {}, host {}, renderer {}.", settings.nodeId(),
                settings.capacity(), settings.host(), settings.rendererMainClass());
        return node;
    }

    private void schedule() {
        agent.scheduleAtFixedRate(() -> guarded("heartbeat",
                        () -> heartbeats.beat(NodeState.UP, supervisor.hostedSessions())),
                0, settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        agent.scheduleWithFixedDelay(() -> guarded("reconcile",
                        () -> supervisor.reconcile(List.copyOf(sessions.values()), Instant.now())),
                0, settings.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed round is logged and the next one runs: a scheduled task that throws would never run again. */
    private void guarded(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.error("Render node '{}': the {} round failed; the next one retries.", settings.nodeId(), what, e);
        }
    }

    /** The node's id. */
    public String nodeId() {
        return settings.nodeId();
    }

    /** The sessions the node hosts now (renderers starting or serving). */
    public List<UUID> hostedSessions() {
        return onAgent(supervisor::hostedSessions);
    }

    /** The process id of each hosted session's renderer, for operators and fault tests. */
    public Map<UUID, Long> rendererPids() {
        return onAgent(supervisor::rendererPids);
    }

    /**
     * Stops the node as if its machine died: heartbeats stop, every renderer is killed, nothing is said. The
     * platform notices by the missed heartbeats. For fault tests and drills.
     */
    public synchronized void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        agent.shutdownNow();
        awaitAgent();
        supervisor.killAll();
        closeClients();
        LOG.warn("Render node '{}' was abandoned without a goodbye.", settings.nodeId());
    }

    /** Stops the renderers (SIGTERM, then SIGKILL after the grace), sends the DOWN heartbeat, closes the clients. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        agent.shutdownNow();
        awaitAgent();
        supervisor.stopAll();
        heartbeats.goodbye();
        closeClients();
        LOG.info("Render node '{}' stopped.", settings.nodeId());
    }

    private void awaitAgent() {
        try {
            if (!agent.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Render node '{}': the agent thread did not stop within 30 s.", settings.nodeId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        sessions.close();
        heartbeats.close();
        control.close();
    }

    private <T> T onAgent(Callable<T> question) {
        try {
            return agent.submit(question).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("Render node '" + settings.nodeId() + "' did not answer (stopped?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking render node '" + settings.nodeId() + "'", e);
        }
    }
}
