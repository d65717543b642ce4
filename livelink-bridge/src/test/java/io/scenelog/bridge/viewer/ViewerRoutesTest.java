package io.scenelog.bridge.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The viewer page served by a real Javalin server on a free port, read over HTTP as a browser reads it. */
class ViewerRoutesTest {

    private static final ViewerSettings SETTINGS =
            ViewerSettings.of("http://127.0.0.1:18080", "ws://127.0.0.1:18082/livelink");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"/viewer/([^\"]+)\"");

    private static Javalin server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            ViewerRoutes.mount(config.routes, SETTINGS);
        }).start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** The media type as sent, without the optional space before the charset (Jetty drops it). */
    private static String contentType(HttpResponse<?> response) {
        return header(response, "Content-Type").replace(" ", "");
    }

    private static List<String> assetsOf(String html) {
        List<String> names = new ArrayList<>();
        Matcher matcher = ASSET.matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Nested
    class Pages {

        @Test
        void shouldServeTheViewerAsHtmlThatLoadsOneModuleScriptAndOneStyleSheet() throws Exception {
            // when
            HttpResponse<String> response = get("/view?session=5e551017-0000-4000-8000-000000000002");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("text/html;charset=utf-8");
            assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
            assertThat(response.body()).contains("<script type=\"module\" src=\"/viewer/view-")
                    .contains("data-testid=\"entity-tree\"").contains("No renderer attached")
                    .doesNotContain("{{");
            assertThat(assetsOf(response.body())).hasSize(2).anyMatch(name -> name.endsWith(".css"));
        }

        @Test
        void shouldServeTheStartPageAtTheRoot() throws Exception {
            // when
            HttpResponse<String> response = get("/");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("text/html;charset=utf-8");
            assertThat(response.body()).contains("src=\"/viewer/start-").contains("data-testid=\"scene-list\"");
        }

        @Test
        void shouldAnswerNotModifiedWhenThePageIsUnchanged() throws Exception {
            // given
            String etag = header(get("/view"), "ETag");

            // when
            HttpResponse<String> response = get("/view", "If-None-Match", etag);

            // then
            assertThat(etag).startsWith("\"").endsWith("\"").hasSizeGreaterThan(10);
            assertThat(response.statusCode()).isEqualTo(304);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void shouldContainNoInlineScriptOrStyleForThePolicyToBlock() throws Exception {
            // when
            String html = get("/view").body() + get("/").body();

            // then
            assertThat(html).doesNotContain("<style").doesNotContain("style=\"").doesNotContain(" onclick=")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        }
    }

    @Nested
    class Assets {

        @Test
        void shouldServeEveryAssetThePagesNameWithItsTypeCachedForGood() throws Exception {
            // given
            List<String> names = new ArrayList<>(assetsOf(get("/view").body()));
            names.addAll(assetsOf(get("/").body()));

            for (String name : names) {
                // when
                HttpResponse<String> response = get("/viewer/" + name);

                // then
                assertThat(response.statusCode()).as(name).isEqualTo(200);
                assertThat(contentType(response)).as(name).isEqualTo(name.endsWith(".css")
                        ? "text/css;charset=utf-8" : "text/javascript;charset=utf-8");
                assertThat(header(response, "Cache-Control")).as(name)
                        .isEqualTo("public, max-age=31536000, immutable");
                assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(response.body()).as(name).isNotBlank();
            }
        }

        @Test
        void shouldServeSourceMapsAsJson() throws Exception {
            // given
            String script = assetsOf(get("/view").body()).stream().filter(name -> name.endsWith(".js")).findFirst()
                    .orElseThrow();

            // when
            HttpResponse<String> response = get("/viewer/" + script + ".map");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("application/json;charset=utf-8");
            assertThat(response.body()).startsWith("{").contains("\"sources\"");
        }

        @Test
        void shouldAnswer404ForAFileThatIsNotInTheBundle() throws Exception {
            // when
            HttpResponse<String> response = get("/viewer/view.js");

            // then
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
            assertThat(header(response, "Content-Security-Policy")).isNotEmpty();
        }

        @Test
        void shouldNotServeTheBundleListItself() throws Exception {
            assertThat(get("/viewer/files.txt").statusCode()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "/viewer/..%2F..%2FViewerRoutes.class",
            "/viewer/%2e%2e/%2e%2e/ViewerRoutes.class",
            "/viewer/..%5C..%5CViewerRoutes.class",
            "/viewer/static%2Fview.html",
            "/viewer/%2e%2e%2fstatic%2findex.html",
            "/viewer/....%2F%2FMETA-INF%2FMANIFEST.MF",
        })
        void shouldNotServeAnythingOutsideTheBundle(String path) throws Exception {
            // when
            HttpResponse<String> response = get(path);

            // then
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("data-testid", "Manifest-Version", "io/scenelog");
        }
    }

    @Nested
    class Configuration {

        @Test
        void shouldTellThePageWhereTheRestApiAndLivelinkAre() throws Exception {
            // when
            HttpResponse<String> response = get("/viewer/config.json");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("application/json;charset=utf-8");
            assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
            assertThat(response.body()).isEqualTo(
                    "{\"restBaseUrl\":\"http://127.0.0.1:18080\",\"livelinkUrl\":\"ws://127.0.0.1:18082/livelink\"}");
        }
    }

    @Nested
    class SecurityHeaders {

        @ParameterizedTest
        @ValueSource(strings = {"/", "/view", "/viewer/config.json", "/viewer/missing.js"})
        void shouldSendAStrictContentSecurityPolicyEverywhere(String path) throws Exception {
            // when
            HttpResponse<String> response = get(path);

            // then
            String policy = header(response, "Content-Security-Policy");
            assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self' http://127.0.0.1:18080 ws://127.0.0.1:18082", "frame-ancestors 'none'",
                    "object-src 'none'", "base-uri 'none'");
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        }
    }
}
