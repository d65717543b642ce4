package io.scenelog.app.bench.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.contract.ContractSchemas;
import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.api.ApiSettings;
import io.scenelog.edge.api.RestApi;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The platform side of the cache benchmark, as {@code up} wires it: an embedded broker with the catalogue's topics,
 * and the edge serving the REST API (and the registry) on a free port of 127.0.0.1, its blobs under a work
 * directory. Uploads go through the API with an editor token; the node asks with its own viewer token, both minted
 * with the platform's key.
 */
final class CachePlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafkaBroker broker;
    private final EdgeServer edge;
    private final TokenIssuer tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    private CachePlatform(EmbeddedKafkaBroker broker, EdgeServer edge, TokenIssuer tokens) {
        this.broker = broker;
        this.edge = edge;
        this.tokens = tokens;
    }

    static CachePlatform start(Path workDirectory) {
        TokenKey key = TokenKey.generate();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(workDirectory.resolve("kafka")));
        try {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            RestApi api = RestApi.create(ApiSettings.defaults(key, workDirectory.resolve("platform-blobs")));
            // the edge closes the API with itself
            EdgeServer edge = EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers()).withPort(0), api);
            ContractSchemas.publish(ClientConfigs.registry(URI.create(edge.baseUri().toString()
                    .replaceAll("/$", ""))));
            return new CachePlatform(broker, edge, new TokenIssuer(key, Clock.systemUTC()));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The REST edge's address, without a trailing slash. */
    URI uri() {
        return URI.create(edge.baseUri().toString().replaceAll("/$", ""));
    }

    /** A token of the render node: viewer, not scoped to a scene. */
    String nodeToken() {
        return tokens.issue(TokenClaims.of("bench-render-node", Role.VIEWER), Duration.ofHours(1));
    }

    /**
     * Uploads a shared asset (a PNG: the platform checks its header, not its pixels) and answers its id and sha-256.
     */
    Uploaded upload(byte[] png) throws IOException, InterruptedException {
        String editor = tokens.issue(TokenClaims.of("bench-uploader", Role.ADMIN), Duration.ofHours(1));
        String boundary = "scenelog-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/assets"))
                .header("Authorization", "Bearer " + editor)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, png, tail))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("The platform refused the benchmark's upload: " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode asset = JSON.readTree(response.body());
        return new Uploaded(asset.get("id").asText(), asset.get("sha256").asText(), asset.get("sizeBytes").asLong());
    }

    /** Downloads the asset straight from the platform, as a renderer without a node cache would; answers bytes. */
    long downloadDirect(String assetId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/assets/" + assetId + "/content"))
                .header("Authorization", "Bearer " + nodeToken()).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("The platform answered " + response.statusCode() + " to a direct download");
        }
        return response.body().length;
    }

    @Override
    public void close() {
        try {
            edge.close();
        } finally {
            broker.close();
        }
    }

    /** An asset the platform stored. */
    record Uploaded(String assetId, String sha256, long size) {
    }
}
