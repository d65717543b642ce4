package io.scenelog.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.RegistryHttp.Response;
import io.scenelog.edge.registry.RegistryStartupException;
import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge server's lifecycle and {@code GET /health}. */
class EdgeServerIntegrationTest {

    @Test
    void shouldListenOnAFreePortAndReportHealthyOnceCaughtUp() {
        try (EdgeServer server = EdgeServers.startOnSharedKafka()) {
            // when
            Response health = new RegistryHttp(server.baseUri()).get("/health");

            // then
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.contentType()).startsWith("application/json");
            JsonNode body = health.json();
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.at("/registry/caughtUp").asBoolean()).isTrue();
            assertThat(body.at("/kafka/reachable").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldReport503AndRefuseWritesOnceKafkaIsGone(@TempDir Path kafkaDirectory) {
        // given
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults(kafkaDirectory));
        try (EdgeServer server = EdgeServer.start(EdgeSettings.defaults(broker.bootstrapServers()).withPort(0)
                .withOperationTimeout(Duration.ofSeconds(3)))) {
            RegistryHttp http = new RegistryHttp(server.baseUri());
            assertThat(http.get("/health").status()).isEqualTo(200);

            // when
            broker.close();

            // then
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Response health = http.get("/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                assertThat(health.json().at("/kafka/reachable").asBoolean()).isFalse();
            });
            Response write = http.post("/subjects/orphan-value/versions", RegistryHttp.schemaBody("\"string\""));
            assertThat(write.status()).isEqualTo(500);
            assertThat(write.errorCode()).isIn(50001, 50002);
        } finally {
            broker.close();
        }
    }

    @Test
    void shouldFailToStartWithoutKafka() throws IOException {
        // given: a free port, so nothing listens on it
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        }
        EdgeSettings settings = EdgeSettings.defaults(nowhere).withPort(0)
                .withBootTimeout(Duration.ofSeconds(3)).withOperationTimeout(Duration.ofSeconds(3));

        // then
        assertThatThrownBy(() -> EdgeServer.start(settings))
                .isInstanceOf(RegistryStartupException.class)
                .hasMessageContaining(nowhere);
    }
}
