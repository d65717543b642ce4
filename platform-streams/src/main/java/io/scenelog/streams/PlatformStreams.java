package io.scenelog.streams;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.InteractiveSceneQueries;
import io.scenelog.streams.internal.RegistryClients;
import io.scenelog.streams.internal.SceneLocks;
import io.scenelog.streams.internal.StreamsConfigs;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.topics.Topic;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running commit pipeline: Kafka Streams with the {@link SceneTopology}, exactly-once, and the state query
 * endpoint. Start it with {@link #start}; {@link #close()} stops it cleanly, keeping the state directory, so the
 * next start (of this or another instance) resumes where it stopped.
 */
public final class PlatformStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** The topics the pipeline reads and writes; {@link #start} creates the missing ones when asked to. */
    public static final List<Topic<?, ?>> TOPICS = List.of(Topics.SCENE_ACTIONS, Topics.SCENE_CONTROL,
            Topics.SCENE_EVENTS, Topics.SCENE_STATE, Topics.SESSION_STATE, Topics.ACTION_RESULTS, Topics.SESSIONS,
            Topics.SCENES, Topics.RENDER_NODES, Topics.DEAD_LETTERS);

    private final StreamsSettings settings;
    private final KafkaStreams streams;
    private final InteractiveSceneQueries queries;
    private final Optional<String> applicationServer;

    private PlatformStreams(StreamsSettings settings, KafkaStreams streams, InteractiveSceneQueries queries,
            Optional<String> applicationServer) {
        this.settings = settings;
        this.streams = streams;
        this.queries = queries;
        this.applicationServer = applicationServer;
    }

    /**
     * Provisions the topics (if asked), binds the query endpoint (if configured), starts Kafka Streams and waits
     * until it is RUNNING.
     *
     * @throws StreamsStartupException when it does not reach RUNNING within {@link StreamsSettings#startTimeout()}
     * @throws io.scenelog.topics.TopicMismatchException when existing topics differ from the catalogue
     * @throws io.scenelog.topics.TopicProvisioningException when the topics cannot be checked or created
     */
    public static PlatformStreams start(StreamsSettings settings) {
        if (settings.provisionTopics()) {
            provisionTopics(settings);
        }
        SchemaRegistryClient registry = RegistryClients.forUrl(settings.schemaRegistryUrl());
        InteractiveSceneQueries.Endpoint endpoint = settings.applicationServer().map(PlatformStreams::bind)
                .orElse(null);
        String server = endpoint == null ? null : endpoint.applicationServer();
        SceneLocks locks = new SceneLocks();
        KafkaStreams streams = new KafkaStreams(SceneTopology.build(settings.topologySettings(), registry, locks),
                StreamsConfigs.of(settings, server));
        CompletableFuture<Void> running = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            LOG.info("Platform streams {} went from {} to {}.", settings.applicationId(), before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
                running.completeExceptionally(new IllegalStateException("Kafka Streams went to " + now));
            }
        });
        streams.setUncaughtExceptionHandler(failure -> {
            // The handlers dead-letter bad records; what reaches here is transient (registry or broker away) or a
            // bug: a fresh thread resumes from the last commit, and exactly-once makes that safe.
            LOG.error("A stream thread of {} failed; replacing it.", settings.applicationId(), failure);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        try {
            streams.start();
            running.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            closeAfterFailedStart(streams, endpoint);
            throw new StreamsStartupException("Platform streams " + settings.applicationId() + " did not reach"
                    + " RUNNING within " + settings.startTimeout() + " (Kafka " + settings.bootstrapServers()
                    + ", registry " + settings.schemaRegistryUrl() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAfterFailedStart(streams, endpoint);
            throw new StreamsStartupException("Interrupted while starting platform streams", e);
        }
        LOG.info("Platform streams {} is running on {} (state in {}, queries at {}).", settings.applicationId(),
                settings.bootstrapServers(), settings.stateDir(), server == null ? "this instance only" : server);
        return new PlatformStreams(settings, streams,
                InteractiveSceneQueries.over(streams, locks, registry, endpoint), Optional.ofNullable(server));
    }

    /** Kafka Streams' state (RUNNING, REBALANCING, ...). */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** State queries, routed to the instance that owns each scene. */
    public SceneStateQueries queries() {
        return queries;
    }

    /** This instance's {@code application.server} as peers reach it (the bound port, when 0 was asked for). */
    public Optional<String> applicationServer() {
        return applicationServer;
    }

    /** The settings it runs with. */
    public StreamsSettings settings() {
        return settings;
    }

    /**
     * Stops the query endpoint, then Kafka Streams: the current transaction commits, the state stays on disk, and
     * the instance leaves its group so its partitions move at once.
     */
    @Override
    public void close() {
        queries.close();
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
        if (!closed) {
            LOG.warn("Platform streams {} did not close within {}; its threads will stop on their own.",
                    settings.applicationId(), CLOSE_TIMEOUT);
        } else {
            LOG.info("Platform streams {} stopped.", settings.applicationId());
        }
    }

    private static InteractiveSceneQueries.Endpoint bind(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        try {
            return InteractiveSceneQueries.bind(host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IOException e) {
            throw new StreamsStartupException("Cannot serve state queries on " + hostPort + ": " + e.getMessage()
                    + "; choose a free port (or 0) for applicationServer", e);
        }
    }

    private static void provisionTopics(StreamsSettings settings) {
        try (Admin admin = Admin.create(adminConfig(settings))) {
            new TopicProvisioner(admin, settings.replicationFactor()).ensure(TOPICS);
        }
    }

    /**
     * The admin client's config: the cluster, the connection settings among the overrides (security, SASL, SSL,
     * client DNS lookup), and {@code admin.}-prefixed overrides without their prefix, as Streams reads them.
     */
    static Map<String, Object> adminConfig(StreamsSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        settings.kafkaOverrides().forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)) {
                config.put(key, value);
            } else if (key.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                config.put(key.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), value);
            }
        });
        return config;
    }

    private static void closeAfterFailedStart(KafkaStreams streams, InteractiveSceneQueries.Endpoint endpoint) {
        streams.close(CLOSE_TIMEOUT);
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
