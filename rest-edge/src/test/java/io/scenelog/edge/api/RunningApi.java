package io.scenelog.edge.api;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.assets.AssetLimits;
import io.scenelog.edge.testing.ApiClient;
import io.scenelog.edge.testing.ApiResponse;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.model.Role;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole REST stack once per test JVM, started the way {@code up} starts it: a Kafka broker of its own (the
 * registry tests of this module start and fence registries on the shared broker), the topic catalogue, the edge with
 * the REST API and the registry on a free port, and platform-streams attached to it. Tests keep apart by creating
 * their own scenes.
 */
final class RunningApi {

    /** The idle-session timeout of the test API: short, so the sweeper's effect can be awaited. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    /** The one browser origin the test API admits (CORS), as a Livelink viewer page's bridge would be. */
    static final String VIEWER_ORIGIN = "http://viewer.scenelog.test:8082";
    /** The largest upload the test API accepts (small, so limit tests stay cheap). */
    static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

    private static RunningApi instance;

    private final EdgeServer edge;
    private final String adminKey;
    private final TokenKey tokenKey;

    private RunningApi(EdgeServer edge, String adminKey, TokenKey tokenKey) {
        this.edge = edge;
        this.adminKey = adminKey;
        this.tokenKey = tokenKey;
    }

    /** The running stack, started on first use and stopped when the JVM exits. */
    static synchronized RunningApi get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A client for the API that checks every call against the OpenAPI document. */
    ApiClient client() {
        return ApiClient.of(edge.baseUri());
    }

    /** The admin key created on first start. */
    String adminKey() {
        return adminKey;
    }

    /** A token minted through {@code POST /tokens} with the admin key, narrowed as asked. */
    String token(String requestJson) {
        ApiResponse response = client().withApiKey(adminKey).post("/tokens", requestJson);
        if (response.status() != 201) {
            throw new IllegalStateException("POST /tokens answered " + response.status() + ": " + response.text());
        }
        return response.json().get("token").asText();
    }

    /** An admin token good for everything. */
    String adminToken() {
        return token("{}");
    }

    /** A token minted directly with the platform's key (for subjects no API key has). */
    String mint(TokenClaims claims, Duration ttl) {
        return new TokenIssuer(tokenKey, Clock.systemUTC()).issue(claims, ttl);
    }

    /** A token that ran out an hour ago, signed with the platform's key. */
    String expired(TokenClaims claims) {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return new TokenIssuer(tokenKey, twoHoursAgo).issue(claims, Duration.ofHours(1));
    }

    /** A token signed with another key: forged. */
    static String forged() {
        return new TokenIssuer(TokenKey.generate(), Clock.systemUTC()).issue(TokenClaims.of("mallory", Role.ADMIN),
                Duration.ofMinutes(5));
    }

    EdgeServer edge() {
        return edge;
    }

    private static RunningApi start() {
        try {
            Path root = Files.createTempDirectory("scenelog-api-it");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(root.resolve("kafka")));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "api-it-broker-stop"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            TokenKey key = TokenKey.generate();
            RestApi api = RestApi.create(ApiSettings.defaults(key, root.resolve("blobs"))
                    .withIdleSessionTimeout(IDLE_TIMEOUT)
                    .withBrowserOrigins(List.of(VIEWER_ORIGIN))
                    .withAssetLimits(AssetLimits.defaults()
                            .withMaxUploadBytes(MAX_UPLOAD_BYTES)
                            .withMaxUnpackedBytes(4 * MAX_UPLOAD_BYTES)
                            .withMaxEntries(50)));
            EdgeServer edge = EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers()).withPort(0), api);
            String registryUrl = edge.baseUri().toString().replaceAll("/$", "");
            PlatformStreams streams = PlatformStreams.start(StreamsSettings.builder(broker.bootstrapServers(),
                    registryUrl, key)
                    .applicationId("scenelog-api-it")
                    .stateDir(root.resolve("streams"))
                    .commitInterval(Duration.ofMillis(20))
                    // no application.server: a lone instance answers state queries from its own stores (`up` sets
                    // one and the edge command test goes through one, so both paths are covered)
                    .rocksDbMemory(16L * 1024 * 1024, 4L * 1024 * 1024)
                    .startTimeout(Duration.ofSeconds(90))
                    .build());
            api.pipeline().attachQueries(streams.queries());
            api.pipeline().attachLocalPipeline(() -> streams.state().name());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                streams.close();
                edge.close();
            }, "api-it-stop"));
            String adminKey = api.createFirstAdminKey().orElseThrow();
            return new RunningApi(edge, adminKey, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
