package io.scenelog.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The REST calls the tests make to set up scenes, sessions and clients, with an admin token. */
final class RestCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String adminToken;

    RestCalls(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** A client joined through {@code POST /sessions/{id}/clients}. */
    record Joined(UUID sceneId, UUID sessionId, String clientId, String token) {
    }

    /** The REST edge's root. */
    URI baseUri() {
        return base;
    }

    /** Creates a scene; answers its id. */
    UUID createScene(String name) {
        return UUID.fromString(call("POST", "/scenes", "{\"name\":\"" + name + "\"}", 201).get("id").asText());
    }

    /** Starts a session of a scene; answers its id. */
    UUID createSession(UUID sceneId, String mode) {
        return UUID.fromString(call("POST", "/sessions", "{\"sceneId\":\"" + sceneId + "\",\"mode\":\"" + mode
                + "\"}", 201).get("id").asText());
    }

    /** Joins a client to a session with a role. */
    Joined join(UUID sceneId, UUID sessionId, String role, boolean headless) {
        JsonNode body = call("POST", "/sessions/" + sessionId + "/clients", "{\"role\":\"" + role
                + "\",\"headless\":" + headless + "}", 201);
        return new Joined(sceneId, sessionId, body.get("clientId").asText(), body.get("token").asText());
    }

    /** Removes a client from its session. */
    void evict(Joined client) {
        call("DELETE", "/sessions/" + client.sessionId() + "/clients/" + client.clientId(), null, 204);
    }

    /** Ends a session. */
    void endSession(UUID sessionId) {
        call("DELETE", "/sessions/" + sessionId, null, 204);
    }

    private JsonNode call(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
