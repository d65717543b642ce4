package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The viewer page is served by a Livelink bridge, another origin than the edge: the API answers CORS requests of the
 * configured browser origins (so the page can join sessions) and of no other.
 */
class BrowserOriginsIntegrationTest {

    private final RunningApi api = RunningApi.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAllowThePreflightOfAConfiguredOrigin() throws Exception {
        // when
        HttpResponse<String> preflight = preflight(RunningApi.VIEWER_ORIGIN);

        // then
        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(RunningApi.VIEWER_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
    }

    @Test
    void shouldLetAConfiguredOriginReadTheAnswer() throws Exception {
        // when
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/scenes"))
                .header("Origin", RunningApi.VIEWER_ORIGIN)
                .header("Authorization", "Bearer " + api.adminToken())
                .GET().build());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(RunningApi.VIEWER_ORIGIN);
    }

    @Test
    void shouldNotAdmitAnotherOrigin() throws Exception {
        // when
        HttpResponse<String> preflight = preflight("http://evil.example:8082");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/scenes"))
                .header("Origin", "http://evil.example:8082")
                .header("Authorization", "Bearer " + api.adminToken())
                .GET().build());

        // then: no grant, so a browser keeps the answer from the page
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/sessions/" + UUID.randomUUID() + "/clients"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return api.edge().baseUri().resolve(path.substring(1));
    }
}
