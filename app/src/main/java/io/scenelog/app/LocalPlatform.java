package io.scenelog.app;

import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.app.demo.DemoScene;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.streams.StaticMembership;
import io.scenelog.app.streams.StreamsSummary;
import io.scenelog.app.streams.TokenKeyFile;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.LivelinkBridge;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.kafka.embedded.BrokerProcess;
import io.scenelog.kafka.embedded.BrokerProcessOptions;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.renderer.node.RenderNode;
import io.scenelog.renderer.node.RenderNodeSettings;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.TopicStatus;
import io.scenelog.topics.Topics;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: a Kafka broker in its own process, the topic catalogue, the edge (REST API and
 * schema registry, with the platform's value schemas published), platform-streams (the commit pipeline) and a
 * Livelink bridge (WebSockets and the viewer page). Parts start in dependency order and stop in reverse, so nothing
 * outlives what it depends on.
 */
final class LocalPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    /** One machine has one replica of everything. */
    private static final short REPLICATION_FACTOR = 1;
    /** The static group member name of the one platform-streams instance of {@code up}. */
    private static final String LOCAL_INSTANCE_ID = "scenelog-up";
    /** The name of the one bridge of {@code up}. */
    private static final String LOCAL_BRIDGE_ID = "bridge-up";
    /** The name of the one render node of {@code up}. */
    private static final String LOCAL_NODE_ID = "render-up";
    /** The asset cache of the one render node of {@code up}. */
    private static final long LOCAL_CACHE_MAX_BYTES = 1L << 30;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private BrokerProcess broker;
    private EdgeServer edge;
    private List<TopicStatus> topics;
    private TokenKeyFile.Loaded tokenKey;
    private StreamsSettings streamsSettings;
    private PlatformStreams streams;
    private LivelinkBridge bridge;
    private Optional<RenderNode> renderNode = Optional.empty();
    private int renderCapacity;
    private Optional<String> firstAdminKey = Optional.empty();
    private UUID demoScene;

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
        tokenKey = TokenKeyFile.loadOrCreate(settings.tokenKeyFile());
        LOG.info("{} the token key {}.", tokenKey.created() ? "Created" : "Reusing", settings.tokenKeyFile());
        // The edge hands the bridge's URL to joining clients and admits its viewer page (CORS), so the bridge's port
        // is fixed before the edge starts, and the bridge starts last (it needs the registry and the pipeline).
        int bridgePort = settings.bridgePort() != 0 ? settings.bridgePort() : FreePort.on(settings.host());
        String bridgeOrigin = "http://" + hostForUrl(settings.host()) + ":" + bridgePort;
        RestApi api = RestApi.create(ApiSettings.defaults(tokenKey.key(), settings.blobDirectory())
                .withLivelinkUrl(bridgeOrigin.replaceFirst("^http", "ws") + BridgeSettings.LIVELINK_PATH)
                .withBrowserOrigins(List.of(bridgeOrigin)));
        edge = remember(EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers())
                .withHost(settings.host())
                .withPort(settings.httpPort())
                .withReplicationFactor(REPLICATION_FACTOR), api));
        ContractSchemas.publish(ClientConfigs.registry(URI.create(registryUrl())));
        streamsSettings = StreamsSettings.builder(broker.bootstrapServers(), registryUrl(), tokenKey.key())
                .stateDir(settings.streamsDirectory())
                .commitInterval(settings.commitInterval())
                .replicationFactor(REPLICATION_FACTOR)
                // the topics were provisioned above, with the whole catalogue
                .provisionTopics(false)
                // the REST API's state queries need Kafka Streams' metadata, which exists only with an
                // application.server (a free port on this machine's interface)
                .applicationServer(settings.host() + ":0")
                // one instance on one machine: after a crash, the restart takes its partitions back at once
                .kafkaOverrides(StaticMembership.with(Map.of(), LOCAL_INSTANCE_ID))
                .build();
        streams = remember(PlatformStreams.start(streamsSettings));
        api.pipeline().attachQueries(streams.queries());
        api.pipeline().attachLocalPipeline(() -> streams.state().name());
        bridge = remember(LivelinkBridge.start(BridgeSettings.builder(broker.bootstrapServers(), registryUrl(),
                        tokenKey.key())
                .host(settings.host())
                .port(bridgePort)
                .bridgeId(LOCAL_BRIDGE_ID)
                .viewer(apiUrl())
                .build(), streams.queries()));
        renderCapacity = settings.renderCapacity();
        if (renderCapacity > 0) {
            // Renderers are processes of their own: they reach the pipeline's state queries over HTTP, like a
            // render node of a cluster does.
            String queries = streams.applicationServer().orElseThrow(() -> new IllegalStateException(
                    "platform-streams has no application server, which the render node's renderers need"));
            renderNode = Optional.of(remember(RenderNode.start(RenderNodeSettings.builder(LOCAL_NODE_ID,
                            broker.bootstrapServers(), registryUrl(), tokenKey.key(), settings.renderNodeDirectory())
                    .capacity(renderCapacity)
                    .hosts(hostForUrl(settings.host()), settings.host())
                    .cache(settings.renderNodeDirectory().resolve("cache"), LOCAL_CACHE_MAX_BYTES)
                    .assetBaseUrl(registryUrl())
                    .streamsQueryEndpoints(List.of(queries))
                    .build())));
        }
        firstAdminKey = api.createFirstAdminKey();
        demoScene = DemoScene.ensure(edge.baseUri(), tokenKey.key());
    }

    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The admin API key created on this start (the first), to print once; empty on later starts. */
    Optional<String> firstAdminKey() {
        return firstAdminKey;
    }

    String apiUrl() {
        return edge.baseUri().toString();
    }

    /** The viewer page's start page on the bridge. */
    String viewerUrl() {
        return bridge.baseUri().toString();
    }

    /** The render node in a line: its capacity, or why there is none. */
    String renderNodeSummary() {
        return renderNode.map(node -> node.nodeId() + ", " + renderCapacity + (renderCapacity == 1 ? " session"
                : " sessions") + " at once (one Vulkan renderer process each)")
                .orElse("none (--render-capacity 0): sessions wait and viewers see no video");
    }

    /** The viewer page's link to the demo scene (find-or-start a session of it). */
    String demoSceneUrl() {
        return bridge.baseUri().resolve("view?scene=" + demoScene).toString();
    }

    String livelinkUrl() {
        return bridge.livelinkUri().toString();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return edge.baseUri().toString().replaceAll("/$", "");
    }

    /** Whether this start generated the token key (first start) or reused it. */
    boolean tokenKeyCreated() {
        return tokenKey.created();
    }

    String streamsSummary() {
        return StreamsSummary.line(streamsSettings, streams);
    }

    /**
     * The pipeline's state queries ({@code host:port}, its application server) that render nodes of other
     * processes pass as {@code --streams-query}, or why there are none.
     */
    String streamsQueryAddress() {
        return streams.applicationServer().orElse("none (platform-streams has no application server)");
    }

    List<TopicStatus> topics() {
        return topics;
    }

    /**
     * What stopped, if anything did on its own: the broker is a separate process that can die, and the pipeline
     * can stop on a fatal error.
     */
    Optional<String> failure() {
        if (!broker.isAlive()) {
            return Optional.of("the Kafka broker process stopped");
        }
        if (!StreamsSummary.running(streams)) {
            return Optional.of("platform streams stopped processing (state " + streams.state() + ")");
        }
        return Optional.empty();
    }

    /** Stops the parts in reverse order; safe to call again, and from the shutdown hook and the main thread. */
    @Override
    public synchronized void close() {
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
