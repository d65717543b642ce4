package io.scenelog.app.bench.glass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The benchmark's scene, made through the REST API as any integrator would: one big cube (scale 3) in the middle of
 * a new client's default view, red at first, and a persistent session of the scene (which the render node picks up).
 *
 * @param token     an admin token (the page joins with it as an editor)
 * @param sceneId   the scene
 * @param cubeId    the cube whose colour the edits flip
 * @param sessionId the session the page joins
 */
record GlassScene(String token, String sceneId, String cubeId, String sessionId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CUBE = """
            {"components": {"name": "Glass-to-glass cube", "mesh": {"primitive": "CUBE"},
             "transform": {"position": {"x": 0, "y": 1, "z": 0}, "rotation": {"x": 0, "y": 0, "z": 0, "w": 1},
                           "scale": {"x": 3, "y": 3, "z": 3}},
             "material": {"baseColor": {"r": 0.9, "g": 0.1, "b": 0.08, "a": 1}, "metallic": 0, "roughness": 0.6}}}""";

    /**
     * Creates the scene, the cube and the session.
     *
     * @param api      the REST API's base URL, ending in a slash
     * @param adminKey an admin API key, exchanged for a token
     */
    static GlassScene create(URI api, String adminKey) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = post(http, api.resolve("tokens"), "{}", Map.of("X-Api-Key", adminKey)).path("token")
                .asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String scene = post(http, api.resolve("scenes"), "{\"name\": \"glass-to-glass\"}", bearer).path("id")
                .asText();
        String cube = post(http, api.resolve("scenes/" + scene + "/entities"), CUBE, bearer).path("id").asText();
        String session = post(http, api.resolve("sessions"), JSON.writeValueAsString(Map.of("sceneId", scene,
                "mode", "persistent")), bearer).path("id").asText();
        return new GlassScene(token, scene, cube, session);
    }

    private static JsonNode post(HttpClient http, URI uri, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
