package io.scenelog.edge;

import io.javalin.Javalin;
import io.scenelog.edge.api.RestApi;
import io.scenelog.edge.internal.HealthRoute;
import io.scenelog.edge.registry.SchemaRegistry;
import io.scenelog.edge.registry.SchemaRegistrySettings;
import io.scenelog.edge.registry.SchemaRegistryRoutes;
import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's HTTP server: the Confluent-compatible schema registry at the root ({@code /subjects},
 * {@code /schemas/ids/{id}}, {@code /config}, {@code /compatibility}), {@code GET /health}, and, when started with
 * one, the platform REST API ({@link RestApi}).
 *
 * <p>{@link #start} ensures the {@code _schemas} topic exists, starts listening (so {@code /health}
 * reports 503 while booting), and returns once the registry has read its log from the beginning.
 */
public final class EdgeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private final EdgeSettings settings;
    private final SchemaRegistry registry;
    private final Javalin app;
    private final Optional<RestApi> api;

    private EdgeServer(EdgeSettings settings, SchemaRegistry registry, Javalin app, Optional<RestApi> api) {
        this.settings = settings;
        this.registry = registry;
        this.app = app;
        this.api = api;
    }

    /**
     * Starts the server and waits until the registry has caught up with its log.
     *
     * @throws io.scenelog.edge.registry.RegistryStartupException if Kafka cannot be reached, the
     *     topic cannot be provisioned, or the log is not read within the boot timeout
     */
    public static EdgeServer start(EdgeSettings settings) {
        return start(settings, Optional.empty());
    }

    /**
     * Starts the server with the platform REST API beside the registry, and waits until both have caught up with
     * Kafka. The API's routes answer 503 until its pipeline link has state queries attached.
     *
     * @param api the API to serve (closed with the server)
     */
    public static EdgeServer start(EdgeSettings settings, RestApi api) {
        return start(settings, Optional.of(api));
    }

    private static EdgeServer start(EdgeSettings settings, Optional<RestApi> api) {
        SchemaRegistry registry = SchemaRegistry.open(new SchemaRegistrySettings(settings.bootstrapServers(),
                settings.replicationFactor(), settings.operationTimeout(), settings.bootTimeout()));
        Javalin app = null;
        try {
            app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                config.http.maxRequestSize = settings.maxRequestBytes();
                SchemaRegistryRoutes.mount(config.routes, registry);
                if (api.isPresent()) {
                    api.get().mount(config, registry);
                } else {
                    HealthRoute.mount(config.routes, registry);
                }
            });
            app.start();
            registry.awaitCaughtUp();
            if (api.isPresent()) {
                api.get().start(settings.bootstrapServers(), new CachingSchemaRegistryClient(
                        new HttpSchemaRegistryClient(ownUri(settings, app.port()))));
            }
        } catch (RuntimeException e) {
            api.ifPresent(RestApi::close);
            if (app != null) {
                app.stop();
            }
            registry.close();
            throw e;
        }
        EdgeServer server = new EdgeServer(settings, registry, app, api);
        LOG.info("Edge server listening on {} (schema registry over Kafka {}).", server.baseUri(),
                settings.bootstrapServers());
        return server;
    }

    /** The port the server listens on (the one picked when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** The server's root URI, e.g. {@code http://127.0.0.1:8081/}; a wildcard host reads as 127.0.0.1. */
    public URI baseUri() {
        return ownUri(settings, port());
    }

    /** The REST API, when the server serves one. */
    public Optional<RestApi> api() {
        return api;
    }

    private static URI ownUri(EdgeSettings settings, int port) {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The schema registry the server serves. */
    public SchemaRegistry registry() {
        return registry;
    }

    /** The settings the server runs with. */
    public EdgeSettings settings() {
        return settings;
    }

    /** Stops listening, then stops the registry. */
    @Override
    public void close() {
        URI uri = baseUri();
        try {
            app.stop();
        } finally {
            try {
                api.ifPresent(RestApi::close);
            } finally {
                registry.close();
            }
        }
        LOG.info("Edge server {} stopped.", uri);
    }
}
