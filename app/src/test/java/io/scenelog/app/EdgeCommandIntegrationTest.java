package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.support.JarProcess;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.TopicProvisioner;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenelog edge} as a cluster runs it (compose.yaml): its own process, the REST API and the registry on one
 * port, entity reads through a platform-streams instance's query endpoint ({@code --streams-query}), the first
 * admin key printed once. On a broker of its own: a second registry on the shared broker would fence the tests'.
 */
class EdgeCommandIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheApiWithEntityReadsFromTheStreamsInstances(@TempDir Path work) throws Exception {
        // given: a cluster of one broker with the catalogue, and the token key both roles share
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(work.resolve("kafka")))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
            }
            TokenKey key = TokenKey.generate();
            Path keyFile = Files.writeString(work.resolve("token.key"), key.toBase64());
            int queryPort = freePort();

            // when: the edge starts, then a streams instance serving queries on the port the edge was told
            try (JarProcess edge = JarProcess.start(work, "384m", "Press Ctrl-C to stop.", Duration.ofSeconds(120),
                    "edge",
                    "--bootstrap-servers", broker.bootstrapServers(), "--replication-factor", "1", "--port", "0",
                    "--token-key-file", keyFile.toString(), "--blob-dir", work.resolve("blobs").toString(),
                    "--streams-query", "127.0.0.1:" + queryPort)) {
                URI api = URI.create(line(edge, "Edge: REST API and schema registry at ").split(" ")[0]);
                String adminKey = line(edge, "Admin API key (shown this once): ");
                try (PlatformStreams streams = PlatformStreams.start(StreamsSettings.builder(
                                broker.bootstrapServers(), api.toString().replaceAll("/$", ""), key)
                        .stateDir(work.resolve("streams"))
                        .commitInterval(Duration.ofMillis(20))
                        .applicationServer("127.0.0.1:" + queryPort)
                        .startTimeout(Duration.ofSeconds(90))
                        .build())) {
                    // then: the walk-through's first steps work against the edge process
                    String token = post(api, "tokens", null, adminKey, "{}").get("token").asText();
                    String scene = post(api, "scenes", token, null, "{\"name\": \"edge\"}").get("id").asText();
                    String entity = post(api, "scenes/" + scene + "/entities", token, null,
                            "{\"components\": {\"name\": \"Cube\"}}").get("id").asText();
                    JsonNode read = get(api, "scenes/" + scene + "/entities/" + entity, token);
                    assertThat(read.at("/components/name").asText()).isEqualTo("Cube");
                    assertThat(get(api, "scenes/" + scene, token).get("entityCount").asLong()).isEqualTo(1);
                }
                assertThat(edge.stop(Duration.ofSeconds(30))).isIn(0, 143);
            }
        }
    }

    private static String line(JarProcess process, String prefix) {
        return process.output().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).trim())
                .orElseThrow(() -> new AssertionError("No line '" + prefix + "' in " + process.output()));
    }

    private JsonNode post(URI api, String path, String token, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode get(URI api, String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
