package io.scenelog.edge;

import io.javalin.Javalin;
import io.scenelog.edge.internal.HealthRoute;
import io.scenelog.edge.registry.SchemaRegistry;
import io.scenelog.edge.registry.SchemaRegistrySettings;
import io.scenelog.edge.registry.SchemaRegistryRoutes;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's HTTP server: the Confluent-compatible schema registry at the root ({@code /subjects},
 * {@code /schemas/ids/{id}}, {@code /config}, {@code /compatibility}) and {@code GET /health}.
 *
 * <p>{@link #start} ensures the {@code _schemas} topic exists, starts listening (so {@code /health}
 * reports 503 while booting), and returns once the registry has read its log from the beginning.
 */
public final class EdgeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private final EdgeSettings settings;
    private final SchemaRegistry registry;
    private final Javalin app;

    private EdgeServer(EdgeSettings settings, SchemaRegistry registry, Javalin app) {
        this.settings = settings;
        this.registry = registry;
        this.app = app;
    }

    /**
     * Starts the server and waits until the registry has caught up with its log.
     *
     * @throws io.scenelog.edge.registry.RegistryStartupException if Kafka cannot be reached, the
     *     topic cannot be provisioned, or the log is not read within the boot timeout
     */
    public static EdgeServer start(EdgeSettings settings) {
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
                HealthRoute.mount(config.routes, registry);
            });
            app.start();
            registry.awaitCaughtUp();
        } catch (RuntimeException e) {
            if (app != null) {
                app.stop();
            }
            registry.close();
            throw e;
        }
        EdgeServer server = new EdgeServer(settings, registry, app);
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
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
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
            registry.close();
        }
        LOG.info("Edge server {} stopped.", uri);
    }
}
