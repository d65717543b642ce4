package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * State queries routed to the owner of the scene's partition: read locally when this instance owns it (or when no
 * {@code application.server} is configured, i.e. a single instance), else asked of the owner over HTTP.
 */
public final class InteractiveSceneQueries implements SceneStateQueries, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SceneOwners owners;
    private final LocalSceneReader local;
    private final SnapshotCodec codec;
    private final HostInfo self;
    private final QueryServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private InteractiveSceneQueries(KafkaStreams streams, SceneLocks locks, SchemaRegistryClient registry,
            HostInfo self, QueryServer server) {
        this.owners = new SceneOwners(streams);
        this.local = new LocalSceneReader(streams, locks, registry);
        this.codec = new SnapshotCodec(registry);
        this.self = self;
        this.server = server;
        if (server != null) {
            server.serve(new QueryServer.Target(owners, local, codec, self));
        }
    }

    /** Binds the peer endpoint before Kafka Streams starts, as its {@code application.server} must be known. */
    public static Endpoint bind(String host, int port) throws IOException {
        QueryServer server = QueryServer.bind(host, port);
        return new Endpoint(server, new HostInfo(host, server.port()));
    }

    /**
     * @param endpoint the bound peer endpoint, or null for a single instance that serves no peers
     */
    public static InteractiveSceneQueries over(KafkaStreams streams, SceneLocks locks, SchemaRegistryClient registry,
            Endpoint endpoint) {
        return endpoint == null ? new InteractiveSceneQueries(streams, locks, registry, null, null)
                : new InteractiveSceneQueries(streams, locks, registry, endpoint.self(), endpoint.server());
    }

    @Override
    public Optional<SceneSnapshot> scene(UUID sceneId) {
        return route(sceneId, partition -> local.scene(sceneId, partition), QueryServer.scenePath(sceneId),
                codec::snapshot);
    }

    @Override
    public Optional<EntityState> entity(UUID sceneId, UUID entityId) {
        return route(sceneId, partition -> local.entity(sceneId, entityId, partition),
                QueryServer.entityPath(sceneId, entityId), codec::entity);
    }

    @Override
    public Optional<SessionSnapshot> session(UUID sceneId, UUID sessionId) {
        return route(sceneId, partition -> local.session(sceneId, sessionId, partition),
                QueryServer.sessionPath(sceneId, sessionId), codec::session);
    }

    @Override
    public Optional<Long> sceneVersion(UUID sceneId) {
        return route(sceneId, partition -> local.sceneVersion(sceneId, partition), QueryServer.versionPath(sceneId),
                codec::version);
    }

    /** Reads the scene's partition here when this instance owns it, else asks the owner. */
    private <T> Optional<T> route(UUID sceneId, IntFunction<Optional<T>> localRead, String path, Decoder<T> decoder) {
        if (self == null) {
            return localRead.apply(localPartition(sceneId));
        }
        KeyQueryMetadata owner = owners.ownerOf(sceneId);
        if (isLocal(owner)) {
            return localRead.apply(owner.partition());
        }
        return fetch(owner.activeHost(), path, decoder);
    }

    /**
     * Without an {@code application.server} Kafka Streams keeps no query metadata, so a lone instance (the only
     * kind that runs without one: peers could not reach it) reads the scene's partition of its own stores.
     */
    private static int localPartition(UUID sceneId) {
        return StateKeys.partitionOf(sceneId, Topics.SCENE_PARTITIONS);
    }

    private boolean isLocal(KeyQueryMetadata owner) {
        return self == null || self.equals(owner.activeHost());
    }

    private <T> Optional<T> fetch(HostInfo host, String path, Decoder<T> decoder) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new StateNotQueryableException("The owner " + host + " answered " + response.statusCode()
                        + " to " + path + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return Optional.of(decoder.decode(response.body()));
        } catch (IOException e) {
            throw new StateNotQueryableException("Cannot ask the owner " + host + " for " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateNotQueryableException("Interrupted while asking " + host + " for " + path, e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * A bound peer endpoint.
     *
     * @param server the HTTP server
     * @param self   this instance as peers address it
     */
    public record Endpoint(QueryServer server, HostInfo self) {

        /** {@code host:port}, the value of {@code application.server}. */
        public String applicationServer() {
            return self.host() + ":" + self.port();
        }

        /** Stops the server (when the pipeline fails to start). */
        public void close() {
            server.close();
        }
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }
}
