package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.check.CheckReport;
import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the launcher jar the way a user does ({@code java -jar scenelog.jar up}) and checks that it brings up the
 * broker, the topics and the registry, prints their addresses, stops cleanly on SIGTERM and keeps its data across a
 * restart.
 */
class UpCommandIntegrationTest {

    private static final Path JAR = Path.of("target", "scenelog.jar").toAbsolutePath();
    private static final Duration START_DEADLINE = Duration.ofMinutes(2);
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private Launched running;

    @TempDir
    Path workDirectory;

    @BeforeAll
    static void requireLauncherJar() {
        assertThat(JAR).as("the shaded jar is built in the package phase, before the integration tests: "
                + "run `mvn verify`").isRegularFile();
    }

    @AfterEach
    void stopLauncher() throws InterruptedException {
        if (running != null) {
            running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldBringUpBrokerTopicsRegistryAndPipelineAndKeepDataAcrossRestart() throws Exception {
        // given: a first start on an empty data directory, and an action committed through its pipeline
        running = launch();
        assertThat(running.summary()).contains(Topics.all().size() + " created, 0 verified")
                .contains("Platform streams: RUNNING").contains("token.key (created)");
        assertThat(topicNames(running.bootstrapServers()))
                .containsAll(Topics.all().stream().map(Topic::name).toList());
        int id = registerSchema(running.registryUrl(), "probe-value");
        LocalWriter writer = new LocalWriter(running.bootstrapServers(), running.registryUrl(),
                running.tokenKeyFile());
        writer.createScene();
        assertThat(writer.commit(0)).isEqualTo(1);

        // and: the bridge serves the viewer page and Livelink where the edge's joins send clients: a simulation
        // joins through REST with the printed admin key and edits over Livelink
        assertThat(get(running.viewerUrl())).contains("<html");
        assertThat(get(running.viewerUrl() + "health")).contains("UP");
        Run simulation = simulateOverLivelink(running);
        assertThat(simulation.exitCode()).as(simulation.output()).isZero();
        assertThat(simulation.output()).containsPattern("simulate: done after .* sent=21 accepted=21 rejected=0");

        // and: the demo scene a new user opens first is there, with its shapes and lights, and its viewer link
        String adminKey = running.value("Admin API key:").orElseThrow();
        String api = running.value("REST API:").orElseThrow().replaceAll(" \\(.*$", "");
        assertThat(demoScenes(api, adminKey)).hasSize(1);
        String demo = demoScenes(api, adminKey).get(0);
        assertThat(running.value("Demo scene:")).hasValueSatisfying(link -> assertThat(link).endsWith(demo));
        assertThat(authorizedGet(api + "scenes/" + demo + "/entities?limit=50", adminKey))
                .contains("Red cube", "Green sphere", "Blue cone", "Gold cylinder", "Sun", "Lamp");

        // when: stopped with SIGTERM and started again on the same directory
        stop(running);
        running = launch();

        // then: the topics, the schema, the token key and the scene's state are still there
        assertThat(running.summary()).contains("0 created, " + Topics.all().size() + " verified")
                .contains("token.key (reused)");
        assertThat(get(running.registryUrl() + "/subjects/probe-value/versions/latest"))
                .contains("\"id\":" + id).contains("\"version\":1");
        assertThat(registerSchema(running.registryUrl(), "probe-value")).isEqualTo(id);
        LocalWriter again = writer.reconnect(running.bootstrapServers(), running.registryUrl(),
                running.tokenKeyFile());
        assertThat(again.commit(1)).as("the next scene version after the restart").isEqualTo(2);
        assertThat(demoScenes(running.value("REST API:").orElseThrow().replaceAll(" \\(.*$", ""), adminKey))
                .as("a restart finds the demo scene instead of seeding another").containsExactly(demo);
        CheckReport check = again.check();
        assertThat(check.passed()).as(check.describe()).isTrue();
        assertThat(check.accepted()).isEqualTo(2);
    }

    @Test
    void shouldStopTheBrokerProcessOnSigterm() throws Exception {
        // given
        running = launch();
        List<ProcessHandle> children = running.process().descendants().toList();
        assertThat(children).as("the broker runs as its own process").isNotEmpty();

        // when
        stop(running);

        // then: nothing it started outlives it
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(running.output()).anyMatch(l -> l.contains("Stopping Scenelog."));
        running = null;
    }

    private Launched launch() throws IOException {
        // A file, not a pipe: the JDK closes a pipe's stream under a concurrent reader when the process exits,
        // which would lose the shutdown lines this test checks.
        Path console = Files.createTempFile(workDirectory, "launcher", ".log");
        Process process = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "up",
                "--data-dir", workDirectory.resolve("scenelog-data").toString(),
                "--kafka-port", "0", "--controller-port", "0", "--http-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        Launched launched = new Launched(process, console);
        await().atMost(START_DEADLINE)
                .failFast("the launcher exited early", () -> !process.isAlive())
                .until(() -> launched.output().contains("Press Ctrl-C to stop."));
        return launched;
    }

    private static void stop(Launched launched) throws InterruptedException {
        launched.process().destroy();
        assertThat(launched.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        // 143 = terminated by SIGTERM after the shutdown hooks ran
        assertThat(launched.process().exitValue()).isIn(0, 143);
    }

    private int registerSchema(String registryUrl, String subject) throws Exception {
        String body = "{\"schema\":" + quote(SCHEMA) + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Integer.parseInt(response.body().replaceAll("[^0-9]", ""));
    }

    private static Run simulateOverLivelink(Launched launched) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exitCode = commandLine.execute("simulate", "--via", "livelink",
                "--rest-url", launched.value("REST API:").orElseThrow().replaceAll(" \\(.*$", ""),
                "--api-key", launched.value("Admin API key:").orElseThrow(),
                "--bootstrap-servers", launched.bootstrapServers(), "--registry-url", launched.registryUrl(),
                "--create-scene", "--entities", "2", "--rate-hz", "5", "--duration", "2s");
        return new Run(exitCode, out.toString());
    }

    private record Run(int exitCode, String output) {
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The ids of the scenes named "Demo", through the REST API with the admin key. */
    private List<String> demoScenes(String api, String adminKey) throws Exception {
        JsonNode page = new ObjectMapper().readTree(authorizedGet(api + "scenes?limit=100", adminKey));
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode scene : page.path("items")) {
            if ("Demo".equals(scene.path("name").asText())) {
                ids.add(scene.path("id").asText());
            }
        }
        return ids;
    }

    private String authorizedGet(String url, String adminKey) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url.replaceAll("(https?://[^/]+/).*",
                "$1tokens"))).header("X-Api-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String bearer = new ObjectMapper().readTree(token.body()).path("token").asText();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> topicNames(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return List.copyOf(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A running launcher and everything it printed so far. */
    private record Launched(Process process, Path console) {

        /** Every line the launcher printed so far. */
        List<String> output() {
            try {
                return Files.readAllLines(console, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the launcher's output " + console, e);
            }
        }

        String summary() {
            return String.join("\n", output());
        }

        String bootstrapServers() {
            return value("Kafka bootstrap:").orElseThrow();
        }

        String registryUrl() {
            return value("Schema registry:").orElseThrow().replaceAll("/$", "");
        }

        /** The viewer page's start page, with a trailing slash. */
        String viewerUrl() {
            return value("Viewer:").orElseThrow().replaceAll(" \\(.*$", "");
        }

        Path tokenKeyFile() {
            return Path.of(value("Token key:").orElseThrow().replaceAll(" \\(.*$", ""));
        }

        Optional<String> value(String label) {
            return output().stream().map(String::trim).filter(l -> l.startsWith(label))
                    .map(l -> l.substring(label.length()).trim()).findFirst();
        }
    }
}
