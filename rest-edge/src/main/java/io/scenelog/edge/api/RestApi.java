package io.scenelog.edge.api;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.scenelog.edge.assets.AssetIngestor;
import io.scenelog.edge.assets.BlobStore;
import io.scenelog.edge.http.ApiErrors;
import io.scenelog.edge.http.Authenticator;
import io.scenelog.edge.http.limits.RateLimiter;
import io.scenelog.edge.kafka.CommandGateway;
import io.scenelog.edge.kafka.EdgeKafka;
import io.scenelog.edge.registry.SchemaRegistry;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.topics.Topic;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform REST API (the OpenAPI document {@code scenelog-api.yaml} in schemas is its reference): mounted on
 * the edge's Javalin app while it is configured, started once the app (and with it the schema registry the Kafka
 * serdes need) is up. Until then, and while the pipeline is not attached, routes answer 503.
 */
public final class RestApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final long MULTIPART_SLACK_BYTES = 64 * 1024;

    private final ApiSettings settings;
    private final PipelineLink pipeline;
    private final Clock clock;
    private final Platform platform;
    private final ApiMetrics metrics = new ApiMetrics();
    private final BlobStore blobs;
    private final TokenIssuer issuer;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private RestApi(ApiSettings settings, PipelineLink pipeline, Clock clock, BlobStore blobs) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.clock = clock;
        this.blobs = blobs;
        this.issuer = new TokenIssuer(settings.tokenKey(), clock);
        this.platform = new Platform(new ServiceToken("rest-edge-" + UUID.randomUUID(), issuer, clock), pipeline,
                clock, settings.commandTimeout());
    }

    /**
     * An API to mount on an edge server; attach the pipeline's state queries to {@link #pipeline()} once it is up.
     */
    public static RestApi create(ApiSettings settings) {
        try {
            Files.createDirectories(settings.blobDirectory());
            return new RestApi(settings, new PipelineLink(), Clock.systemUTC(),
                    new BlobStore(settings.blobDirectory()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob store in " + settings.blobDirectory(), e);
        }
    }

    /** Adds the API's routes, error handling, upload limits and request metrics to a Javalin app being configured. */
    public void mount(JavalinConfig config, SchemaRegistry registry) {
        Guard guard = new Guard(new Authenticator(new TokenVerifier(settings.tokenKey(), clock)),
                new RateLimiter(settings.ratePerSecond(), settings.rateBurst()));
        long maxJson = settings.maxJsonBytes();
        long maxUpload = settings.assetLimits().maxUploadBytes();
        config.jetty.multipartConfig.cacheDirectory(multipartDirectory().toString());
        config.jetty.multipartConfig.maxFileSize(maxUpload + MULTIPART_SLACK_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 2 * MULTIPART_SLACK_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.requestLogger.http(metrics::record);
        if (!settings.browserOrigins().isEmpty()) {
            // the viewer page is served by a bridge (another origin) and calls this API with a bearer token header,
            // never with cookies: allow exactly those origins, without credentials
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                String first = settings.browserOrigins().get(0);
                rule.allowHost(first, settings.browserOrigins().subList(1, settings.browserOrigins().size())
                        .toArray(String[]::new));
                rule.exposeHeader("Location");
                rule.exposeHeader("Retry-After");
            }));
        }
        ApiErrors.mount(config.routes);
        new OpsRoutes(registry, platform, metrics).mount(config.routes);
        new AccessRoutes(new ApiKeys(platform), issuer, guard, maxJson, clock).mount(config.routes);
        new SceneRoutes(platform, guard, maxJson).mount(config.routes);
        new EntityRoutes(platform, guard, maxJson).mount(config.routes);
        new SessionRoutes(platform, guard, issuer, maxJson, settings.clientTokenTtl(), settings.livelinkUrl())
                .mount(config.routes);
        new AssetRoutes(platform, guard, blobs, new AssetIngestor(blobs, settings.assetLimits()))
                .mount(config.routes);
    }

    /**
     * Connects to Kafka: follows the metadata topics, opens the gateway to the pipeline, starts the idle-session
     * sweeper. Call once the schema registry answers.
     *
     * @param bootstrapServers the Kafka cluster
     * @param registryClient   the schema registry the serdes use
     */
    public synchronized void start(String bootstrapServers, SchemaRegistryClient registryClient) {
        Map<String, Object> base = EdgeKafka.base(bootstrapServers);
        try {
            TopicView<SceneRecord> scenes = view(Topics.SCENES, base, registryClient);
            TopicView<SessionRecord> sessions = view(Topics.SESSIONS, base, registryClient);
            TopicView<AssetRecord> assets = view(Topics.ASSETS, base, registryClient);
            TopicView<ApiKeyRecord> apiKeys = view(Topics.API_KEYS, base, registryClient);
            CommandGateway gateway = remember(CommandGateway.open(base, registryClient, settings.commandTimeout()));
            metrics.closeWithRegistry(gateway.bindMetrics(metrics.registry()));
            platform.start(new Platform.Parts(scenes, sessions, assets, apiKeys, gateway));
            remember(new IdleSessions(platform, settings.idleSessionTimeout()));
            for (TopicView<?> view : new TopicView<?>[] {scenes, sessions, assets, apiKeys}) {
                platform.catchUp(view);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("REST API started over Kafka {} (blobs in {}).", bootstrapServers, settings.blobDirectory());
    }

    /**
     * Creates the first admin API key if no key was ever created (the first start of {@code up}).
     *
     * @return the key, to print once; empty when keys exist
     */
    public Optional<String> createFirstAdminKey() {
        return new ApiKeys(platform).createFirstAdminKey();
    }

    /** How the API reaches the pipeline. */
    public PipelineLink pipeline() {
        return pipeline;
    }

    /** The settings the API runs with. */
    public ApiSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Could not stop a part of the REST API cleanly", e);
            }
        }
        metrics.close();
    }

    private <V> TopicView<V> view(Topic<String, V> topic, Map<String, Object> base, SchemaRegistryClient registry) {
        return remember(TopicView.follow(topic, base, topic.valueSerde(registry).deserializer()));
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    private Path multipartDirectory() {
        Path directory = settings.blobDirectory().resolve("multipart");
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
