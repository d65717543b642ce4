package io.scenelog.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private static final String SCENE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String JSON = "application/json";
    private static final String NOT_FOUND = """
            {"code": "NOT_FOUND", "message": "No route GET /nope.", "details": null}""";

    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Reply> reply = new AtomicReference<>();
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = ApiClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Nested
    class Responses {

        @Test
        void shouldReturnAResponseThatMatchesTheDocument() {
            // given
            reply.set(new Reply(200, JSON, "{\"status\": \"UP\"}", Map.of()));

            // when
            ApiResponse response = client.get("/health/live");

            // then
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("UP");
            assertThat(response.header("content-type")).isEqualTo(JSON);
        }

        @Test
        void shouldFailOnAResponseWithAWrongType() {
            // given
            reply.set(new Reply(200, JSON, "{\"status\": 5}", Map.of()));

            // then
            assertThatThrownBy(() -> client.get("/health/live"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /health/live")
                    .hasMessageContaining("status 200")
                    .hasMessageContaining("validation.response.body.schema")
                    .hasMessageContaining("{\"status\": 5}");
        }

        @Test
        void shouldFailOnAResponseMissingARequiredField() {
            reply.set(new Reply(200, JSON, "{}", Map.of()));

            assertThatThrownBy(() -> client.get("/health/live"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("status");
        }

        @Test
        void shouldFailOnAnUndocumentedStatus() {
            reply.set(new Reply(418, JSON, "{}", Map.of()));

            assertThatThrownBy(() -> client.get("/health/live"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("validation.response.status.unknown");
        }

        @Test
        void shouldFailOnAnErrorWithoutItsRequiredHeader() {
            // given: a 401 without WWW-Authenticate
            reply.set(new Reply(401, JSON,
                    "{\"code\": \"UNAUTHENTICATED\", \"message\": \"No token.\", \"details\": null}", Map.of()));

            // then
            assertThatThrownBy(() -> client.get("/scenes"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("WWW-Authenticate");
        }

        @Test
        void shouldAcceptARequestWithoutCredentialsAndItsDocumented401() {
            // given
            reply.set(new Reply(401, JSON,
                    "{\"code\": \"UNAUTHENTICATED\", \"message\": \"No token.\", \"details\": null}",
                    Map.of("WWW-Authenticate", "Bearer")));

            // when
            ApiResponse response = client.get("/scenes");

            // then
            assertThat(response.status()).isEqualTo(401);
            assertThat(received).hasSize(1);
        }

        @Test
        void shouldPassTheSchemaRegistryRoutesUnchecked() {
            reply.set(new Reply(200, "application/vnd.schemaregistry.v1+json", "[\"scene-actions-value\"]",
                    Map.of()));

            assertThat(client.get("/subjects").json().get(0).asText()).isEqualTo("scene-actions-value");
        }
    }

    @Nested
    class Requests {

        @Test
        void shouldRejectAnUnknownFieldBeforeSending() {
            assertThatThrownBy(() -> client.withBearer("token").post("/scenes", "{\"name\": \"A\", \"colour\": 1}"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("POST /scenes")
                    .hasMessageContaining("not sent")
                    .hasMessageContaining("colour");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldRejectAnUnknownPathBeforeSending() {
            assertThatThrownBy(() -> client.get("/nope"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("validation.request.path.missing");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldRejectAnUndocumentedQueryParameterBeforeSending() {
            assertThatThrownBy(() -> client.get("/scenes?limt=5"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("limt");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldRejectAnOutOfRangeQueryParameterBeforeSending() {
            assertThatThrownBy(() -> client.get("/scenes?limit=501"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("limit");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldSendAValidRequestWithItsCredentialsAndHeaders() {
            // given
            reply.set(new Reply(200, JSON, "{\"items\": [], \"nextCursor\": null}", Map.of()));

            // when
            client.withBearer("t0ken").header("X-Request-Id", "r-1").get("/scenes?limit=10&cursor=abc%3D");

            // then
            Recorded request = received.get(0);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri()).isEqualTo("/scenes?limit=10&cursor=abc%3D");
            assertThat(request.header("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(request.header("X-Request-Id")).isEqualTo("r-1");
        }

        @Test
        void shouldSendAMalformedRequestWithoutValidationAndStillCheckTheResponse() {
            // given
            reply.set(new Reply(400, JSON,
                    "{\"code\": \"MALFORMED_JSON\", \"message\": \"Unexpected end.\", \"details\": null}", Map.of()));

            // when
            ApiResponse response = client.withBearer("t").withoutValidation().post("/scenes", "{\"name\": ");

            // then
            assertThat(response.json().path("code").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(received.get(0).body()).isEqualTo("{\"name\": ");
        }

        @Test
        void shouldSendAContentTypeSetAsAHeaderInsteadOfJson() {
            // given
            reply.set(new Reply(415, JSON,
                    "{\"code\": \"UNSUPPORTED_MEDIA_TYPE\", \"message\": \"Not JSON.\", \"details\": null}",
                    Map.of()));

            // when
            client.withBearer("t").withoutValidation().header("Content-Type", "text/plain").post("/scenes", "n=x");

            // then
            assertThat(received.get(0).headers().get("Content-type")).containsExactly("text/plain");
        }

        @Test
        void shouldFailOnABadResponseToAnUnvalidatedRequest() {
            reply.set(new Reply(400, JSON, "{\"error\": \"bad\"}", Map.of()));

            assertThatThrownBy(() -> client.withBearer("t").withoutValidation().post("/scenes", "{"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("status 400");
        }

        @Test
        void shouldRequireTheErrorBodyForAnUndocumentedRoute() {
            // given
            reply.set(new Reply(404, JSON, NOT_FOUND, Map.of()));

            // then
            assertThat(client.withoutValidation().get("/nope").status()).isEqualTo(404);
            reply.set(new Reply(404, "text/plain", "Not found", Map.of()));
            assertThatThrownBy(() -> client.withoutValidation().get("/nope")).isInstanceOf(AssertionError.class);
            reply.set(new Reply(200, JSON, NOT_FOUND, Map.of()));
            assertThatThrownBy(() -> client.withoutValidation().get("/nope"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("not 4xx");
        }
    }

    @Nested
    class Multipart {

        private static final String ASSET = """
                {"id": "1e4a7c2b-3d5f-4e6a-9b8c-7d6e5f4a3b2c",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "kind": "image", "mediaType": "image/png", "sizeBytes": 4, "name": "a.png",
                 "sceneId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "dependencies": [], "summary": null,
                 "uploadedBy": "sim-7", "uploadedAt": "2026-03-24T08:12:45.120Z"}""";

        @Test
        void shouldSendEveryPartWithItsNameFilenameAndType() {
            // given
            reply.set(new Reply(201, JSON, ASSET, Map.of("Location", "/assets/1e4a7c2b-3d5f-4e6a-9b8c-7d6e5f4a3b2c")));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

            // when
            ApiResponse response = client.withBearer("t").postMultipart("/assets",
                    List.of(Part.file("file", "a.png", "image/png", png), Part.text("sceneId", SCENE_ID)));

            // then
            assertThat(response.status()).isEqualTo(201);
            Recorded request = received.get(0);
            String contentType = request.header("Content-Type");
            assertThat(contentType).startsWith("multipart/form-data; boundary=");
            String boundary = contentType.substring(contentType.indexOf('=') + 1);
            assertThat(request.body()).isEqualTo("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n"
                    + new String(png, StandardCharsets.ISO_8859_1) + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"sceneId\"\r\n\r\n"
                    + SCENE_ID + "\r\n"
                    + "--" + boundary + "--\r\n");
        }

        @Test
        void shouldRejectAPartTheDocumentDoesNotHaveBeforeSending() {
            assertThatThrownBy(() -> client.withBearer("t").postMultipart("/assets",
                    List.of(Part.file("file", "a.png", "image/png", new byte[] {1}), Part.text("colour", "red"))))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("colour");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldRejectAMalformedTextPartBeforeSending() {
            assertThatThrownBy(() -> client.withBearer("t").postMultipart("/assets",
                    List.of(Part.file("file", "a.png", "image/png", new byte[] {1}), Part.text("sceneId", "x"))))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("sceneId");
            assertThat(received).isEmpty();
        }

        @Test
        void shouldRejectAMissingRequiredPartBeforeSending() {
            assertThatThrownBy(() -> client.withBearer("t").postMultipart("/assets",
                    List.of(Part.text("sceneId", SCENE_ID))))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("file");
            assertThat(received).isEmpty();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.ISO_8859_1)));
        Reply answer = reply.get();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What the fake server answers next. */
    private record Reply(int status, String contentType, String body, Map<String, String> headers) {
    }

    /** A request as the fake server saw it; the body as ISO-8859-1 so that every byte survives. */
    private record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
