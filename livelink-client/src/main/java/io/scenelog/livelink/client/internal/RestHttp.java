package io.scenelog.livelink.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.livelink.client.PlatformRestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * JSON over HTTP to the platform's REST edge: one POST, the answer's JSON, or a {@link
 * PlatformRestException} built from the edge's error body ({@code {"code", "message", "details"}}).
 */
public final class RestHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /**
     * A caller of the edge at {@code base}.
     *
     * @param http the HTTP client
     * @param base the edge's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param timeout how long one call may take
     */
    public RestHttp(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** The JSON text of {@code body}. */
    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a request body as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * POSTs {@code body} to {@code path}.
     *
     * @param path the path below the base, starting with a slash
     * @param headerPairs header names and values, alternating
     * @param body the JSON body
     * @return the answer
     * @throws PlatformRestException when the edge answered an error, nothing, or something not JSON
     */
    public Answer post(String path, String body, String... headerPairs) {
        String operation = "POST " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformRestException(operation, -1, PlatformRestException.UNREACHABLE, "no answer from "
                    + base + ": " + e, Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformRestException(operation, -1, PlatformRestException.UNREACHABLE,
                    "interrupted while waiting for " + base, Map.of(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw errorOf(operation, response);
        }
        try {
            return new Answer(operation, response.statusCode(), JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new PlatformRestException(operation, response.statusCode(), PlatformRestException.MALFORMED_RESPONSE,
                    "the answer is not JSON: " + snippet(response.body()), Map.of(), e);
        }
    }

    private URI resolve(String path) {
        String root = base.toString();
        return URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) + path : root + path);
    }

    private static PlatformRestException errorOf(String operation, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode error;
        try {
            error = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            error = null;
        }
        if (error == null || !error.isObject() || !error.path("code").isTextual()) {
            return new PlatformRestException(operation, status, "HTTP_" + status, "the edge answered without an"
                    + " error body: " + snippet(response.body()), Map.of(), null);
        }
        Map<String, Object> details = error.path("details").isObject()
                ? JSON.convertValue(error.get("details"), MAP) : Map.of();
        return new PlatformRestException(operation, status, error.get("code").asText(),
                error.path("message").asText(""), details, null);
    }

    /**
     * A successful answer of the edge.
     *
     * @param operation the call, e.g. {@code POST /tokens}
     * @param status the HTTP status (2xx)
     * @param json the body
     */
    public record Answer(String operation, int status, JsonNode json) {

        /** A required text field. */
        public String text(String field) {
            JsonNode value = json.get(field);
            if (value == null || !value.isTextual()) {
                throw malformed("the answer has no text field \"" + field + "\": " + snippet(json.toString()), null);
            }
            return value.asText();
        }

        /** A required field holding a UUID. */
        public UUID uuid(String field) {
            String text = text(field);
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw malformed("the answer's \"" + field + "\" is not a UUID: " + text, e);
            }
        }

        /** The answer does not hold what the API document promises. */
        public PlatformRestException malformed(String what, Throwable cause) {
            return new PlatformRestException(operation, status, PlatformRestException.MALFORMED_RESPONSE, what,
                    Map.of(), cause);
        }
    }

    private static String snippet(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty)";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
