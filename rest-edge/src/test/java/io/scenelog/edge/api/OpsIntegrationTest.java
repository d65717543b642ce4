package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.docs.ApiSpec;
import io.scenelog.edge.testing.ApiClient;
import io.scenelog.edge.testing.ApiResponse;
import org.junit.jupiter.api.Test;

/** The public operational routes of a running edge: health, metrics, the OpenAPI document and its rendering. */
class OpsIntegrationTest {

    private final RunningApi api = RunningApi.get();

    @Test
    void shouldReportReadyWithEveryCheckUp() {
        ApiResponse health = api.client().get("/health/ready");
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/checks/kafka").asText()).isEqualTo("UP");
        assertThat(health.json().at("/checks/streams").asText()).isEqualTo("UP");
        assertThat(health.json().at("/checks/views").asText()).isEqualTo("UP");
        assertThat(api.client().get("/health").status()).isEqualTo(200);
        assertThat(api.client().get("/health/live").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldExposeRequestAndKafkaMetricsForPrometheus() {
        // given: some traffic, including an error
        ApiClient client = api.client();
        client.get("/scenes");
        client.withBearer(api.adminToken()).get("/scenes");

        // when
        ApiResponse metrics = client.get("/metrics");

        // then
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        String requests = "scenelog_http_server_requests_seconds_count{method=\"GET\",route=\"/scenes\",status=";
        assertThat(metrics.text())
                .contains(requests + "\"401\"}")
                .contains(requests + "\"200\"}")
                .contains("kafka_producer_")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldServeTheOpenApiDocumentAndItsRendering() {
        ApiResponse yaml = api.client().get("/openapi.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.text()).isEqualTo(ApiSpec.specYaml());
        ApiResponse docs = api.client().get("/docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("<html").contains("/scenes/{sceneId}/entities").doesNotContain("<script src");
    }
}
