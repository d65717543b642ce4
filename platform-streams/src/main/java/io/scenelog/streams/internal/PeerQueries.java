package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State queries from outside the pipeline (a REST edge in a cluster): asks the instances' query endpoints, each of
 * which answers only for the scenes it owns (200 or 404) and 503 otherwise, starting with the instance that
 * answered for the scene last time. With N instances a cold query costs at most N requests; after that, one.
 */
public final class PeerQueries implements SceneStateQueries {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<String> endpoints;
    private final SnapshotCodec codec;
    private final Map<UUID, String> lastOwner = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param endpoints the instances' {@code application.server} addresses, {@code host:port}
     * @param registry  reads the records in the answers (they are in the Confluent wire format)
     */
    public PeerQueries(List<String> endpoints, SchemaRegistryClient registry) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("Name at least one platform-streams query endpoint (host:port)");
        }
        this.endpoints = List.copyOf(endpoints);
        this.codec = new SnapshotCodec(registry);
    }

    @Override
    public Optional<SceneSnapshot> scene(UUID sceneId) {
        return ask(sceneId, QueryServer.scenePath(sceneId), codec::snapshot);
    }

    @Override
    public Optional<EntityState> entity(UUID sceneId, UUID entityId) {
        return ask(sceneId, QueryServer.entityPath(sceneId, entityId), codec::entity);
    }

    @Override
    public Optional<SessionSnapshot> session(UUID sceneId, UUID sessionId) {
        return ask(sceneId, QueryServer.sessionPath(sceneId, sessionId), codec::session);
    }

    @Override
    public Optional<Long> sceneVersion(UUID sceneId) {
        return ask(sceneId, QueryServer.versionPath(sceneId), codec::version);
    }

    private <T> Optional<T> ask(UUID sceneId, String path, Decoder<T> decoder) {
        List<String> order = new ArrayList<>(endpoints);
        String owner = lastOwner.get(sceneId);
        if (owner != null && order.remove(owner)) {
            order.add(0, owner);
        }
        List<String> refusals = new ArrayList<>();
        for (String endpoint : order) {
            URI uri = URI.create("http://" + endpoint + path);
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    lastOwner.put(sceneId, endpoint);
                    return Optional.of(decoder.decode(response.body()));
                }
                if (response.statusCode() == 404) {
                    lastOwner.put(sceneId, endpoint);
                    return Optional.empty();
                }
                refusals.add(endpoint + " answered " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                refusals.add(endpoint + " unreachable (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateNotQueryableException("Interrupted while asking for " + path, e);
            }
        }
        throw new StateNotQueryableException("No platform-streams instance answered for scene " + sceneId + ": "
                + String.join("; ", refusals));
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }
}
