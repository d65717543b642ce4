package io.scenelog.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The scene a new user sees first (DESIGN §3: "something rendered in the first minute"): a few coloured shapes on the
 * grid under a sun and a lamp, created through the REST API like any integrator would, once per data directory (a
 * scene named {@link #NAME} already there is left alone, edits included).
 */
public final class DemoScene {

    /** The demo scene's name; {@code up} looks for it before creating one. */
    public static final String NAME = "Demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PRINCIPAL = "scenelog-up";

    private final URI api;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private DemoScene(URI api, String token) {
        this.api = api;
        this.token = token;
    }

    /**
     * Finds the demo scene, or creates it with its entities.
     *
     * @param api the REST edge's base URL
     * @param key the platform token key (the launcher mints itself a short admin token)
     * @return the demo scene's id
     * @throws IllegalStateException when the REST API refuses a call (the message has its answer)
     */
    public static UUID ensure(URI api, TokenKey key) {
        String token = new TokenIssuer(key, Clock.systemUTC()).issue(TokenClaims.of(PRINCIPAL, Role.ADMIN),
                Duration.ofMinutes(5));
        DemoScene demo = new DemoScene(api, token);
        return demo.existing().orElseGet(demo::create);
    }

    private Optional<UUID> existing() {
        String cursor = null;
        do {
            JsonNode page = call("GET", "scenes?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), null);
            for (JsonNode scene : page.path("items")) {
                if (NAME.equals(scene.path("name").asText()) && !"deleted".equalsIgnoreCase(
                        scene.path("status").asText())) {
                    return Optional.of(UUID.fromString(scene.path("id").asText()));
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return Optional.empty();
    }

    private UUID create() {
        ObjectNode scene = JSON.createObjectNode().put("name", NAME);
        scene.putObject("settings").put("skyColor", "#9fc5e8");
        UUID sceneId = UUID.fromString(call("POST", "scenes", scene).path("id").asText());
        String entities = "scenes/" + sceneId + "/entities";
        call("POST", entities, DemoEntities.shape("Red cube", "CUBE", -1.6, 0.5, 0.0, 0.85, 0.12, 0.10, 0.0, 0.6));
        call("POST", entities, DemoEntities.shape("Green sphere", "SPHERE", 0.0, 0.5, 0.0, 0.15, 0.70, 0.20, 0.0,
                0.35));
        call("POST", entities, DemoEntities.shape("Blue cone", "CONE", 1.6, 0.5, 0.0, 0.10, 0.30, 0.85, 0.0, 0.5));
        // half metallic: the renderer has no environment to reflect, so a full metal would look nearly black
        call("POST", entities, DemoEntities.shape("Gold cylinder", "CYLINDER", 0.0, 0.5, -1.8, 0.95, 0.75, 0.25,
                0.5, 0.35));
        call("POST", entities, DemoEntities.sun());
        call("POST", entities, DemoEntities.lamp(0.0, 2.5, 2.0));
        return sceneId;
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Seeding the demo scene: " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Seeding the demo scene: " + method + " " + path + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the demo scene", e);
        }
    }
}
