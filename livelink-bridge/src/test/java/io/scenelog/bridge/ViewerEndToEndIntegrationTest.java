package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer page end to end (DESIGN §11, tier 3): a bridge of the running platform serves the page, and headless
 * Debian Chromium, driven by {@code livelink-bridge/viewer/e2e/two-viewers.mjs} (playwright-core), opens it in three
 * browser contexts: two editors join the same session, one adds a box and moves it, the other's entity tree shows the
 * new position; a viewer's persisted move is refused with FORBIDDEN_PERSIST next to the control and changes nothing.
 */
class ViewerEndToEndIntegrationTest {

    private static final Path VIEWER = Path.of("viewer").toAbsolutePath();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    void shouldShowAnEditorsMoveInAnotherBrowsersTreeAndRefuseAViewersPersistedMove() throws Exception {
        // given
        requireBrowserTools();
        RunningPlatform platform = RunningPlatform.get();
        // the platform's bridge serves the page, and the edge admits its origin (CORS)
        String pageUrl = platform.bridge().baseUri().toString().replaceAll("/$", "");
        assertThat(edgeAllowsBrowsersFrom(platform.registryUrl(), pageUrl)).as("the REST edge admits the page's"
                + " origin %s (ApiSettings.browserOrigins)", pageUrl).isTrue();
        UUID scene = platform.rest().createScene("viewer-e2e");
        UUID session = platform.rest().createSession(scene, "persistent");
        String editor = platform.mint(TokenClaims.of("viewer-e2e-editor", Role.EDITOR), Duration.ofHours(1));
        String viewer = platform.mint(TokenClaims.of("viewer-e2e-viewer", Role.VIEWER), Duration.ofHours(1));
        String options = new ObjectMapper().writeValueAsString(Map.of("pageUrl", pageUrl,
                "sessionId", session.toString(), "editorToken", editor, "viewerToken", viewer,
                "chromium", CHROMIUM.toString(), "out", work.resolve("screenshots").toString()));

        // when
        String report = runNode(options);

        // then
        assertThat(report).contains("\"ok\":true").contains("FORBIDDEN_PERSIST: ");
    }

    private void requireBrowserTools() {
        if (!Files.isDirectory(VIEWER.resolve("node_modules").resolve("playwright-core"))) {
            fail("The viewer's npm packages are not installed (" + VIEWER.resolve("node_modules")
                    + " lacks playwright-core): run scripts/bootstrap.sh.");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Debian's Chromium is missing (" + CHROMIUM + "): run scripts/bootstrap.sh.");
        }
    }

    private static boolean edgeAllowsBrowsersFrom(String edgeUrl, String origin) throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(edgeUrl + "/sessions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(preflight, HttpResponse.BodyHandlers.discarding());
        return origin.equals(response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    private String runNode(String options) throws IOException, InterruptedException {
        Path output = work.resolve("two-viewers.out");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/two-viewers.mjs", options)
                .directory(VIEWER.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("two-viewers.mjs did not finish within " + DEADLINE_SECONDS + " s:\n" + Files.readString(output));
        }
        String report = Files.readString(output);
        assertThat(process.exitValue()).as("two-viewers.mjs said (screenshots in %s):%n%s",
                work.resolve("screenshots"), report).isZero();
        return report;
    }
}
