package io.scenelog.app.bench.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's admin side of the REST API, as an operator calls it: find a scene by name, start sessions of it,
 * read their status, end them ({@code DELETE /sessions/{id}}, which stops their renderers).
 */
final class SessionAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How often a wait asks the API again: a session's state changes in seconds, not milliseconds. */
    private static final long POLL_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final URI api;
    private final String adminToken;

    /**
     * @param api        the REST API's base URL, ending in a slash
     * @param adminToken an admin's bearer token, not scoped to a scene
     */
    SessionAdmin(URI api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /** The first live scene named {@code name}. */
    Optional<UUID> sceneNamed(String name) throws InterruptedException {
        String cursor = null;
        do {
            JsonNode page = call("GET", "scenes?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), null, 200);
            for (JsonNode scene : page.path("items")) {
                if (name.equals(scene.path("name").asText())
                        && !"deleted".equalsIgnoreCase(scene.path("status").asText())) {
                    return Optional.of(UUID.fromString(scene.path("id").asText()));
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return Optional.empty();
    }

    /** Starts a new persistent session of the scene (not find-or-start: every step wants sessions of its own). */
    UUID startSession(UUID sceneId) throws InterruptedException {
        String body = JSON.createObjectNode().put("sceneId", sceneId.toString()).put("mode", "persistent").toString();
        return UUID.fromString(call("POST", "sessions", body, 201).path("id").asText());
    }

    /** The session's status as the API names it: requested, assigned, running or ended. */
    String status(UUID sessionId) throws InterruptedException {
        return call("GET", "sessions/" + sessionId, null, 200).path("status").asText().toLowerCase(Locale.ROOT);
    }

    /**
     * Waits until the session has the status.
     *
     * @return whether it had it before {@code deadlineNanos} ({@link System#nanoTime()})
     */
    boolean awaitStatus(UUID sessionId, String status, long deadlineNanos) throws InterruptedException {
        while (!status.equals(status(sessionId))) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** Ends the session; ending one that has ended already is fine. */
    void end(UUID sessionId) throws InterruptedException {
        call("DELETE", "sessions/" + sessionId, null, 204);
    }

    private JsonNode call(String method, String path, String json, int expected) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (not "
                        + expected + "): " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        }
    }
}
