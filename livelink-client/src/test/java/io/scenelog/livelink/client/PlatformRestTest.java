package io.scenelog.livelink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST calls against a real HTTP server on port 0 that answers as the edge's API document says. */
class PlatformRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID SCENE = Samples.SCENE;
    private static final UUID SESSION = Samples.SESSION;

    private HttpServer server;
    private PlatformRest rest;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        rest = PlatformRest.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldExchangeAnApiKeyForAToken() throws Exception {
        // given
        answer("/tokens", 201, "{\"token\":\"tok-1\",\"tokenType\":\"Bearer\",\"expiresAt\":\"2026-03-24T10:15:00Z\","
                + "\"subject\":\"sim-7\",\"role\":\"editor\",\"scene\":\"" + SCENE + "\",\"session\":null}");

        // when
        String token = rest.tokenFromApiKey("key-1", Role.EDITOR, SCENE);

        // then
        assertThat(token).isEqualTo("tok-1");
        Request request = requests.get(0);
        assertThat(request.method).isEqualTo("POST");
        assertThat(request.header("X-Api-Key")).isEqualTo("key-1");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.json()).isEqualTo(JSON.readTree("{\"role\":\"editor\",\"scene\":\"" + SCENE + "\"}"));
    }

    @Test
    void shouldSendAnEmptyTokenRequestForTheKeysOwnRoleAndScene() throws Exception {
        // given
        answer("/tokens", 201, "{\"token\":\"tok-2\"}");

        // when
        rest.tokenFromApiKey("key-1", null, null);

        // then
        assertThat(requests.get(0).json()).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void shouldAskForATokenLifetimeInSeconds() throws Exception {
        // given
        answer("/tokens", 201, "{\"token\":\"tok-3\"}");

        // when
        rest.tokenFromApiKey("key-1", Role.VIEWER, null, java.time.Duration.ofMinutes(15));

        // then
        assertThat(requests.get(0).json()).isEqualTo(JSON.readTree("{\"role\":\"viewer\",\"ttlSeconds\":900}"));
    }

    @Test
    void shouldCreateASceneAndReturnTheIdThePlatformChose() throws Exception {
        // given
        answer("/scenes", 201, "{\"id\":\"" + SCENE + "\",\"name\":\"warehouse\",\"version\":0}");

        // when
        UUID created = rest.createScene("bearer-1", "warehouse");

        // then
        assertThat(created).isEqualTo(SCENE);
        assertThat(requests.get(0).json()).isEqualTo(JSON.readTree("{\"name\":\"warehouse\"}"));
    }

    @Test
    void shouldRefuseAnIdThatIsNoUuid() {
        // given
        answer("/scenes", 201, "{\"id\":\"scene-7\"}");

        // when / then
        assertThatThrownBy(() -> rest.createScene("bearer-1", "warehouse"))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.code()).isEqualTo(PlatformRestException.MALFORMED_RESPONSE);
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.errorMessage()).contains("scene-7");
                });
    }

    @Test
    void shouldFindOrStartASessionOfTheScene() throws Exception {
        // given
        answer("/scenes/" + SCENE + "/session", 200, "{\"id\":\"" + SESSION + "\",\"sceneId\":\"" + SCENE
                + "\",\"mode\":\"transient\",\"status\":\"requested\"}");

        // when
        UUID session = rest.findOrStartSession("bearer-1", SCENE, SessionMode.TRANSIENT);

        // then
        assertThat(session).isEqualTo(SESSION);
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer bearer-1");
        assertThat(requests.get(0).json()).isEqualTo(JSON.readTree("{\"mode\":\"transient\"}"));
    }

    @Test
    void shouldJoinAHeadlessClient() throws Exception {
        // given
        answer("/sessions/" + SESSION + "/clients", 201, "{\"clientId\":\"client-9\",\"role\":\"editor\","
                + "\"headless\":true,\"token\":\"client-token\",\"expiresAt\":\"2026-03-24T10:30:12Z\","
                + "\"livelinkUrl\":\"ws://127.0.0.1:7000/livelink?session=" + SESSION + "\"}");

        // when
        JoinedClient joined = rest.join("bearer-1", SESSION, Role.EDITOR, true);

        // then
        assertThat(joined.clientId()).isEqualTo("client-9");
        assertThat(joined.role()).isEqualTo(Role.EDITOR);
        assertThat(joined.headless()).isTrue();
        assertThat(joined.token()).isEqualTo("client-token");
        assertThat(joined.expiresAt()).isEqualTo(Instant.parse("2026-03-24T10:30:12Z"));
        assertThat(joined.livelinkUrl()).isEqualTo(URI.create("ws://127.0.0.1:7000/livelink?session=" + SESSION));
        assertThat(joined.toString()).doesNotContain("client-token");
        assertThat(requests.get(0).json()).isEqualTo(JSON.readTree("{\"role\":\"editor\",\"headless\":true}"));
    }

    @Test
    void shouldCarryTheStatusCodeMessageAndDetailsOfAnErrorBody() {
        // given
        answer("/sessions/" + SESSION + "/clients", 403, "{\"code\":\"FORBIDDEN\",\"message\":\"A viewer token "
                + "cannot join as editor\",\"details\":{\"reason\":\"FORBIDDEN\",\"field\":null}}");

        // when / then
        assertThatThrownBy(() -> rest.join("bearer-1", SESSION, Role.EDITOR, true))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("FORBIDDEN");
                    assertThat(e.errorMessage()).isEqualTo("A viewer token cannot join as editor");
                    assertThat(e.details()).isEqualTo(Map.of("reason", "FORBIDDEN"));
                    assertThat(e.operation()).isEqualTo("POST /sessions/" + SESSION + "/clients");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void shouldCallARateLimitRetryable() {
        // given
        answer("/tokens", 429, "{\"code\":\"RATE_LIMITED\",\"message\":\"Too many requests\","
                + "\"details\":{\"retryAfterSeconds\":1}}");

        // when / then
        assertThatThrownBy(() -> rest.tokenFromApiKey("key-1", null, null))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.detail("retryAfterSeconds")).contains(1);
                });
    }

    @Test
    void shouldNameTheStatusOfAnErrorWithoutAnErrorBody() {
        // given a proxy in front of the edge answering plain text
        answer("/tokens", 502, "Bad Gateway");

        // when / then
        assertThatThrownBy(() -> rest.tokenFromApiKey("key-1", null, null))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.code()).isEqualTo("HTTP_502");
                    assertThat(e.errorMessage()).contains("Bad Gateway");
                });
    }

    @Test
    void shouldRefuseASuccessWithoutTheDocumentedFields() {
        // given
        answer("/tokens", 201, "{\"tokenType\":\"Bearer\"}");

        // when / then
        assertThatThrownBy(() -> rest.tokenFromApiKey("key-1", null, null))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.code()).isEqualTo(PlatformRestException.MALFORMED_RESPONSE);
                    assertThat(e.errorMessage()).contains("\"token\"");
                });
    }

    @Test
    void shouldReportAnEdgeThatCannotBeReachedAsRetryable() {
        // given an edge that is gone
        server.stop(0);

        // when / then
        assertThatThrownBy(() -> rest.tokenFromApiKey("key-1", null, null))
                .isInstanceOfSatisfying(PlatformRestException.class, e -> {
                    assertThat(e.status()).isEqualTo(-1);
                    assertThat(e.code()).isEqualTo(PlatformRestException.UNREACHABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void shouldRefuseARestUrlThatIsNotHttp() {
        assertThatThrownBy(() -> PlatformRest.at(URI.create("ws://127.0.0.1:1/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            requests.add(Request.of(exchange));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json"
                    : "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private record Request(String method, Map<String, List<String>> headers, String body) {
        static Request of(HttpExchange exchange) throws IOException {
            return new Request(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
