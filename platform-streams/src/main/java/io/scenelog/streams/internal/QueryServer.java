package io.scenelog.streams.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * Serves this instance's scenes to its peers: {@code GET /scenes/{sceneId}}, {@code GET /scenes/{sceneId}/version},
 * {@code GET /scenes/{sceneId}/entities/{entityId}} and {@code GET /scenes/{sceneId}/sessions/{sessionId}} (the
 * bodies are {@link SnapshotCodec}'s). It answers only for scenes whose partition it owns (never forwards, so two
 * instances with different views cannot bounce a query forever): 404 for an unknown scene or entity, 400 for an id
 * that is not a UUID, 503 when it does not own the scene or cannot read it now. An internal endpoint between
 * instances: keep it on the cluster network.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final String PREFIX = "/scenes/";
    private static final String VERSION = "version";
    private static final String ENTITIES = "entities";
    private static final String SESSIONS = "sessions";

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

    /** The path of a scene's snapshot. */
    static String scenePath(UUID sceneId) {
        return PREFIX + sceneId;
    }

    /** The path of a scene's version. */
    static String versionPath(UUID sceneId) {
        return scenePath(sceneId) + "/" + VERSION;
    }

    /** The path of one persisted entity. */
    static String entityPath(UUID sceneId, UUID entityId) {
        return scenePath(sceneId) + "/" + ENTITIES + "/" + entityId;
    }

    /** The path of a scene as a session sees it. */
    static String sessionPath(UUID sceneId, UUID sessionId) {
        return scenePath(sceneId) + "/" + SESSIONS + "/" + sessionId;
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
            Reply reply = reply(exchange);
            respond(exchange, reply.status(), reply.body());
        }
    }

    /** Never throws for a bad or unanswerable request: every outcome is a status with a JSON body. */
    private Reply reply(HttpExchange exchange) throws IOException {
        try {
            Target readers = target.get();
            if (!"GET".equals(exchange.getRequestMethod())) {
                return new Reply(405, SnapshotCodec.error("METHOD_NOT_ALLOWED", "only GET"));
            } else if (readers == null) {
                return new Reply(503, SnapshotCodec.error("NOT_QUERYABLE", "the pipeline is starting"));
            }
            return answer(readers, exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/"));
        } catch (InvalidIdException e) {
            return new Reply(400, SnapshotCodec.error("BAD_REQUEST", e.getMessage()));
        } catch (StateNotQueryableException e) {
            return new Reply(503, SnapshotCodec.error("NOT_QUERYABLE", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("State query {} failed.", exchange.getRequestURI(), e);
            return new Reply(500, SnapshotCodec.error("INTERNAL", String.valueOf(e.getMessage())));
        }
    }

    private static Reply answer(Target readers, String[] parts) throws IOException {
        LocalSceneReader reader = readers.reader();
        SnapshotCodec codec = readers.codec();
        if (parts.length == 1) {
            UUID sceneId = id(parts[0]);
            return found(reader.scene(sceneId, ownedPartition(readers, sceneId)), codec::snapshot, "UNKNOWN_SCENE");
        } else if (parts.length == 2 && VERSION.equals(parts[1])) {
            UUID sceneId = id(parts[0]);
            return found(reader.sceneVersion(sceneId, ownedPartition(readers, sceneId)), codec::version,
                    "UNKNOWN_SCENE");
        } else if (parts.length == 3 && ENTITIES.equals(parts[1])) {
            UUID sceneId = id(parts[0]);
            UUID entityId = id(parts[2]);
            return found(reader.entity(sceneId, entityId, ownedPartition(readers, sceneId)), codec::entity,
                    "UNKNOWN_ENTITY");
        } else if (parts.length == 3 && SESSIONS.equals(parts[1])) {
            UUID sceneId = id(parts[0]);
            UUID sessionId = id(parts[2]);
            return found(reader.session(sceneId, sessionId, ownedPartition(readers, sceneId)), codec::session,
                    "UNKNOWN_SCENE");
        }
        return new Reply(404, SnapshotCodec.error("NOT_FOUND",
                "use /scenes/{id}[/version | /entities/{id} | /sessions/{id}]"));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdException("ids are UUIDs, got '" + text + "'");
        }
    }

    private static <T> Reply found(Optional<T> answer, Encoder<T> encoder, String absentCode) throws IOException {
        return answer.isPresent() ? new Reply(200, encoder.encode(answer.get()))
                : new Reply(404, SnapshotCodec.error(absentCode, "not found"));
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

    /** An answer: a status and its JSON body. */
    private record Reply(int status, byte[] body) {
    }

    /** A path segment that should be a UUID is not one: the request's fault (400). */
    private static final class InvalidIdException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidIdException(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface Encoder<T> {
        byte[] encode(T answer) throws IOException;
    }
}
