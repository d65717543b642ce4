package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.support.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cloud-rendering path as a user meets it: {@code scenelog up} (broker, pipeline, edge, bridge, a render
 * node that starts a real Vulkan renderer process on lavapipe and encodes with FFmpeg), and Debian's headless
 * Chromium driven by {@code livelink-bridge/viewer/e2e/rendered-video.mjs}: the page decodes the session's video with
 * WebCodecs and shows a known red cube; another client paints it blue through the REST API, and the picture turns
 * blue.
 */
class RenderedViewerEndToEndIntegrationTest {

    private static final Path VIEWER = Path.of("..", "livelink-bridge", "viewer").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long SCRIPT_DEADLINE_SECONDS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void shouldShowTheRenderedSceneInTheBrowserAndAnotherClientsEditInIt() throws Exception {
        // given: the platform as `up` runs it, with one render node
        requireBrowserTools();
        try (JarProcess up = JarProcess.start(work, "1g", "Press Ctrl-C to stop.", Duration.ofMinutes(3), "up",
                "--data-dir", work.resolve("data").toString(), "--kafka-port", "0", "--controller-port", "0",
                "--http-port", "0", "--bridge-port", "0", "--render-capacity", "1")) {
            String api = up.value("REST API:").orElseThrow().replaceAll(" \\(.*$", "").replaceAll("/$", "");
            String page = up.value("Viewer:").orElseThrow().replaceAll(" \\(.*$", "").replaceAll("/$", "");
            String admin = post(api + "/tokens", "{}", Map.of("X-Api-Key", up.value("Admin API key:").orElseThrow()))
                    .path("token").asText();
            // and: a scene with a big red cube in the middle of a new client's default view, and a session of it
            String scene = post(api + "/scenes", "{\"name\": \"rendered-e2e\"}", bearer(admin)).path("id").asText();
            String cube = post(api + "/scenes/" + scene + "/entities", """
                    {"components": {"name": "Red cube", "mesh": {"primitive": "CUBE"},
                     "transform": {"position": {"x": 0, "y": 1, "z": 0}, "rotation": {"x": 0, "y": 0, "z": 0, "w": 1},
                                   "scale": {"x": 3, "y": 3, "z": 3}},
                     "material": {"baseColor": {"r": 0.9, "g": 0.1, "b": 0.08, "a": 1}, "metallic": 0,
                                  "roughness": 0.6}}}""", bearer(admin)).path("id").asText();
            String session = post(api + "/sessions", "{\"sceneId\": \"" + scene + "\", \"mode\": \"persistent\"}",
                    bearer(admin)).path("id").asText();
            String options = JSON.writeValueAsString(Map.of("pageUrl", page, "apiUrl", api, "sessionId", session,
                    "sceneId", scene, "entityId", cube, "viewerToken", admin, "editorToken", admin,
                    "chromium", CHROMIUM.toString(), "out", work.resolve("screenshots").toString()));

            // when
            String report = runNode(options);

            // then
            assertThat(report).as("the browser's report, with the launcher's log:%n%s",
                    String.join("\n", up.output())).contains("\"ok\":true");
        }
    }

    private JsonNode post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", url, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private void requireBrowserTools() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Debian Chromium is missing at " + CHROMIUM + ": run scripts/bootstrap.sh");
        }
        if (!Files.isDirectory(VIEWER.resolve("node_modules").resolve("playwright-core"))) {
            fail("The viewer's npm packages are not installed (" + VIEWER.resolve("node_modules")
                    + "): run scripts/bootstrap.sh");
        }
    }

    private String runNode(String options) throws Exception {
        Path output = work.resolve("rendered-video.out");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/rendered-video.mjs", options)
                .directory(VIEWER.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("rendered-video.mjs did not finish within " + SCRIPT_DEADLINE_SECONDS + " s:\n"
                    + Files.readString(output));
        }
        return Files.readString(output);
    }
}
