package io.scenelog.app.bench;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform as {@code up} wires it, for the REST benchmark: an embedded broker and the catalogue
 * ({@link BenchEnvironment}), the edge with the REST API and the registry, platform-streams with an application
 * server (the API's reads are the pipeline's state queries) attached to the API, and the first admin key. Everything
 * runs in this JVM, so the clients, the edge, the pipeline and the broker share the machine's cores.
 */
final class RestPlatform implements AutoCloseable {

    private final BenchEnvironment environment;
    private final RestApi api;
    private final PlatformStreams streams;
    private final String adminKey;

    private RestPlatform(BenchEnvironment environment, RestApi api, PlatformStreams streams, String adminKey) {
        this.environment = environment;
        this.api = api;
        this.streams = streams;
        this.adminKey = adminKey;
    }

    /** Starts every part, or stops those already started and rethrows. */
    static RestPlatform start(RestBenchSettings settings) {
        TokenKey key = TokenKey.generate();
        RestApi[] api = new RestApi[1];
        BenchEnvironment environment = BenchEnvironment.start(Optional.empty(), Optional.empty(),
                (servers, directory) -> {
                    api[0] = RestApi.create(apiSettings(key, settings, directory.resolve("blobs")));
                    // the edge closes the API with itself
                    return EdgeServer.start(EdgeSettings.defaults(servers).withPort(0), api[0]);
                });
        PlatformStreams streams = null;
        try {
            String applicationId = "scenelog-bench-rest-" + UUID.randomUUID().toString().substring(0, 8);
            streams = PlatformStreams.start(StreamsSettings.builder(environment.bootstrapServers(),
                    environment.registryUrl().toString(), key)
                    .applicationId(applicationId)
                    .stateDir(environment.stateDirectory(applicationId))
                    .commitInterval(settings.commitInterval())
                    .provisionTopics(false)
                    // the API's state queries need Kafka Streams' metadata, which exists only with an
                    // application.server
                    .applicationServer("127.0.0.1:0")
                    .build());
            PlatformStreams running = streams;
            api[0].pipeline().attachQueries(running.queries());
            api[0].pipeline().attachLocalPipeline(() -> running.state().name());
            String adminKey = api[0].createFirstAdminKey().orElseThrow(() -> new IllegalStateException(
                    "The benchmark's fresh REST API already had API keys, so it created no first admin key"));
            return new RestPlatform(environment, api[0], streams, adminKey);
        } catch (RuntimeException e) {
            if (streams != null) {
                streams.close();
            }
            environment.close();
            throw e;
        }
    }

    /** The API's base URI, ending in a slash. */
    URI apiUri() {
        URI registry = environment.registryUrl();
        return URI.create(registry.toString() + "/");
    }

    String adminKey() {
        return adminKey;
    }

    String bootstrapServers() {
        return environment.bootstrapServers();
    }

    SchemaRegistryClient registry() {
        return environment.registry();
    }

    /** The API's per-principal rate limit, for the report. */
    String rateLimit() {
        ApiSettings settings = api.settings();
        return String.format(Locale.ROOT, "%.0f requests/s, burst %d per principal",
                settings.ratePerSecond(), settings.rateBurst());
    }

    String describe() {
        return environment.describe();
    }

    @Override
    public void close() {
        try {
            streams.close();
        } finally {
            environment.close();
        }
    }

    private static ApiSettings apiSettings(TokenKey key, RestBenchSettings settings, Path blobs) {
        ApiSettings defaults = ApiSettings.defaults(key, blobs);
        return settings.rateLimit()
                .map(rate -> defaults.withRateLimit(rate, (int) Math.min(Integer.MAX_VALUE, Math.ceil(2 * rate))))
                .orElse(defaults);
    }
}
