package io.scenelog.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the registry API, as a Confluent client would call it. */
public final class RegistryHttp {

    /** The content type Confluent clients send and the registry answers with. */
    public static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    public RegistryHttp(URI base) {
        this.base = base;
    }

    /** A response: status, content type and body. */
    public record Response(int status, String contentType, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Response body is not JSON (status " + status + "): " + body, e);
            }
        }

        /** The {@code error_code} of an error body. */
        public int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    /** {@code {"schema": schema}} as a request body. */
    public static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    public Response post(String path, String body) {
        return post(path, body, REGISTRY_JSON);
    }

    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", REGISTRY_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    /** Registers a schema under a subject and returns its id, failing unless the registry answers 200. */
    public int register(String subject, String schema) {
        Response response = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (response.status() != 200) {
            throw new AssertionError("Registering under " + subject + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.json().get("id").asInt();
    }

    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP call to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + base, e);
        }
    }
}
