package io.scenelog.streams.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scenelog.model.EntityState;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves this instance's scenes to its peers: {@code GET /scenes/{sceneId}} and
 * {@code GET /scenes/{sceneId}/entities/{entityId}}. It answers only for scenes whose partition it owns (never
 * forwards, so two instances with different views cannot bounce a query forever): 404 for an unknown scene or
 * entity, 503 when it does not own the scene or cannot read it now. An internal endpoint between instances: keep it
 * on the cluster network.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final String PREFIX = "/scenes/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<Target> target = new AtomicReference<>();

    /** The readers a started pipeline provides; set once Kafka Streams exists. */
    record Target(SceneOwners owners, LocalSceneReader reader, SnapshotCodec codec, HostInfo self) {
    }

    private QueryServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds host:port (0 = a free port) and starts answering 503 until {@link #serve} is called. */
    static QueryServer bind(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "scenelog-query-server");
            thread.setDaemon(true);
            return thread;
        });
        QueryServer queries = new QueryServer(server, executor);
        server.createContext(PREFIX, queries::handle);
        server.setExecutor(executor);
        server.start();
        return queries;
    }

    /** The port actually bound. */
    int port() {
        return server.getAddress().getPort();
    }

    void serve(Target readers) {
        target.set(readers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/");
            Target readers = target.get();
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, SnapshotCodec.error("METHOD_NOT_ALLOWED", "only GET"));
            } else if (readers == null) {
                respond(exchange, 503, SnapshotCodec.error("NOT_QUERYABLE", "the pipeline is starting"));
            } else if (parts.length == 1) {
                UUID sceneId = UUID.fromString(parts[0]);
                Optional<SceneSnapshot> scene = readers.reader().scene(sceneId, ownedPartition(readers, sceneId));
                respond(exchange, scene.isPresent() ? 200 : 404, scene.isPresent()
                        ? readers.codec().snapshot(scene.get()) : SnapshotCodec.error("UNKNOWN_SCENE", "no scene"));
            } else if (parts.length == 3 && "entities".equals(parts[1])) {
                UUID sceneId = UUID.fromString(parts[0]);
                Optional<EntityState> entity = readers.reader().entity(sceneId, UUID.fromString(parts[2]),
                        ownedPartition(readers, sceneId));
                respond(exchange, entity.isPresent() ? 200 : 404, entity.isPresent()
                        ? readers.codec().entity(entity.get()) : SnapshotCodec.error("UNKNOWN_ENTITY", "no entity"));
            } else {
                respond(exchange, 404, SnapshotCodec.error("NOT_FOUND", "use /scenes/{id}[/entities/{id}]"));
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, SnapshotCodec.error("BAD_REQUEST", "ids are UUIDs: " + e.getMessage()));
        } catch (StateNotQueryableException e) {
            respond(exchange, 503, SnapshotCodec.error("NOT_QUERYABLE", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("State query {} failed.", exchange.getRequestURI(), e);
            respond(exchange, 500, SnapshotCodec.error("INTERNAL", String.valueOf(e.getMessage())));
        }
    }

    private static int ownedPartition(Target readers, UUID sceneId) {
        KeyQueryMetadata owner = readers.owners().ownerOf(sceneId);
        if (!readers.self().equals(owner.activeHost())) {
            throw new StateNotQueryableException("scene " + sceneId + " is owned by " + owner.activeHost()
                    + ", not by " + readers.self());
        }
        return owner.partition();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
