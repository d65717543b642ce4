package io.scenelog.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * The benchmark's side of the REST API: plain {@link HttpClient} requests, as any integrator would send them. One
 * client is shared by all benchmark clients; it opens one HTTP/1.1 keep-alive connection per concurrent request
 * (so each closed-loop client has its own connection, as separate integrators would) and costs one selector
 * thread instead of fifty on a 2-core box. HTTP/1.1 explicitly: the default HTTP/2 would try an h2c upgrade on
 * every new connection.
 */
final class ApiHttp {

    /** How requests are sent, for the report. */
    static final String DESCRIPTION = "one shared java.net.http.HttpClient, HTTP/1.1 keep-alive";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;

    /**
     * @param base    the API's base URI, ending in a slash
     * @param timeout how long one request may take
     */
    ApiHttp(URI base, Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
        this.timeout = timeout;
    }

    /** A request to {@code path} (relative, no leading slash) with a JSON body, or none when {@code json} is null. */
    HttpRequest.Builder request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** Sends and keeps the body as text (error bodies are reported). */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A closed-loop call per request: 2xx succeeds; any other status, or no answer, fails with its body. */
    ClosedLoop.Call call(LongFunction<HttpRequest> requests) {
        return n -> {
            try {
                HttpResponse<String> response = send(requests.apply(n));
                return response.statusCode() / 100 == 2 ? ClosedLoop.Outcome.OK
                        : ClosedLoop.Outcome.failed("HTTP " + response.statusCode(), response.body());
            } catch (IOException e) {
                return ClosedLoop.Outcome.failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        };
    }

    /**
     * Sends a set-up request that must succeed.
     *
     * @throws SetupFailedException with the status and body when the API answers anything but {@code expected}
     */
    JsonNode expect(int expected, HttpRequest request) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (IOException e) {
            throw new SetupFailedException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        }
        if (response.statusCode() != expected) {
            throw new SetupFailedException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body(), null);
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SetupFailedException(request.method() + " " + request.uri().getPath()
                    + " answered a body that is not JSON: " + response.body(), e);
        }
    }

    /** Writes a JSON body. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    /** The benchmark could not prepare its scene or clients through the API: nothing was measured. */
    static final class SetupFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
