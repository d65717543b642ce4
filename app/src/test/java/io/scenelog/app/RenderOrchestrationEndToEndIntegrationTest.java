package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.support.JarProcess;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.JoinedClient;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Role;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's orchestration check, run as a user runs the platform: {@code scenelog up --render-capacity 2} (node
 * {@code render-up}) and a second {@code scenelog render-node --capacity 1} ({@code render-b}), each starting real
 * Vulkan renderer processes. Two sessions of one scene spread one per node; a video client per session receives
 * frames while a headless editor edits through Livelink. Then a renderer is killed with SIGKILL, and later the whole
 * second node with its renderer: each session comes back RUNNING on a node with room (the killed renderer's where it
 * was, the dead node's on {@code render-up}), each client's video resumes with a key frame, the frames reach the
 * last acknowledged edit's version, and every acknowledged edit is in the commit log.
 */
class RenderOrchestrationEndToEndIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(RenderOrchestrationEndToEndIntegrationTest.class);
    private static final String READY = "Press Ctrl-C to stop.";
    private static final String UP_NODE = "render-up";
    private static final String SECOND_NODE = "render-b";
    /** A renderer JVM with Vulkan and FFmpeg starting on a busy 2-core box takes up to ~20 s. */
    private static final Duration RENDERER_START = Duration.ofSeconds(90);
    private static final Duration FRAMES = Duration.ofSeconds(60);
    private static final VideoSettings VIDEO = new VideoSettings(320, 180, 10, List.of("avc1.42E01F", "vp8"), 500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private JarProcess up;
    private JarProcess secondNode;

    @TempDir
    Path work;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        // Every process this test started goes, with the renderers and the broker the launchers started.
        if (secondNode != null) {
            secondNode.killWithDescendants();
        }
        if (up != null) {
            up.killWithDescendants();
        }
    }

    @Test
    void shouldBringSessionsBackAfterARendererAndANodeDieWithoutLosingAnEdit() throws Exception {
        try {
            killARendererThenANode();
        } catch (Exception | AssertionError e) {
            // The launchers' logs say why (placement, renderer start-up, links): shown only when the test fails.
            for (JarProcess process : new JarProcess[] {up, secondNode}) {
                if (process != null) {
                    List<String> output = process.output();
                    LOG.error("The last lines of a launcher's output:\n{}", String.join("\n",
                            output.subList(Math.max(0, output.size() - 300), output.size())));
                }
            }
            throw e;
        }
    }

    private void killARendererThenANode() throws Exception {
        long began = System.nanoTime();
        // given: the platform with its own node (room for 2) and a second node (room for 1)
        up = JarProcess.start(work, "1g", READY, Duration.ofMinutes(3), "up", "--data-dir",
                work.resolve("data").toString(), "--kafka-port", "0", "--controller-port", "0", "--http-port", "0",
                "--bridge-port", "0", "--render-capacity", "2");
        String api = printed(up, "REST API:");
        String bootstrap = printed(up, "Kafka bootstrap:");
        String registry = printed(up, "Schema registry:");
        secondNode = JarProcess.start(work, "256m", READY, Duration.ofMinutes(2), "render-node",
                "--node-id", SECOND_NODE, "--capacity", "1", "--bootstrap-servers", bootstrap,
                "--registry-url", registry, "--rest-url", api, "--token-key-file", printed(up, "Token key:"),
                "--streams-query", printed(up, "State queries:"), "--work-dir", work.resolve("node-b").toString());
        OrchestrationTopics topics = remember(OrchestrationTopics.follow(bootstrap, registry));
        topics.awaitNodeUp(UP_NODE, Duration.ofSeconds(30));
        topics.awaitNodeUp(SECOND_NODE, Duration.ofSeconds(30));
        PlatformRest rest = PlatformRest.at(URI.create(api));
        String admin = rest.tokenFromApiKey(up.value("Admin API key:").orElseThrow(), Role.ADMIN, null);
        UUID scene = rest.createScene(admin, "orchestration");
        UUID cube = createCube(api, admin, scene);

        // and: two sessions of the scene, spread one per node (the most free capacity first, ties by node id)
        UUID first = createSession(api, admin, scene);
        topics.awaitSession(first, "placed on " + UP_NODE, s -> UP_NODE.equals(s.getNodeId()), RENDERER_START);
        UUID second = createSession(api, admin, scene);
        topics.awaitSession(second, "placed on " + SECOND_NODE, s -> SECOND_NODE.equals(s.getNodeId()),
                RENDERER_START);
        SessionRecord firstRunning = topics.awaitSession(first, "RUNNING", s -> running(s), RENDERER_START);
        SessionRecord secondRunning = topics.awaitSession(second, "RUNNING", s -> running(s), RENDERER_START);

        // and: a video client per session, streaming
        OrchestrationVideoWatch firstVideo = new OrchestrationVideoWatch("video client of session 1");
        OrchestrationVideoWatch secondVideo = new OrchestrationVideoWatch("video client of session 2");
        LivelinkClient firstViewer = watch(rest, admin, first, firstVideo);
        LivelinkClient secondViewer = watch(rest, admin, second, secondVideo);
        assertStreamAsAsked(firstVideo.awaitFrame("first key frame", 0, OrchestrationVideoWatch.Seen::keyFrame,
                FRAMES));
        assertStreamAsAsked(secondVideo.awaitFrame("first key frame", 0, OrchestrationVideoWatch.Seen::keyFrame,
                FRAMES));
        logStep(began, "both sessions stream");

        // and: a headless editor renaming the cube through Livelink, 5 times a second
        LivelinkClient editorClient = connect(rest.join(admin, first, Role.EDITOR, true),
                ClientOptions.defaults().withAutoReconnect(true), null);
        OrchestrationEditor editor = remember(OrchestrationEditor.start(editorClient, cube, Duration.ofMillis(200)));

        // when: the first session's renderer dies (SIGKILL), while edits go on
        long mark = firstVideo.arrived();
        ProcessHandle renderer = rendererOf(up, first);
        renderer.destroyForcibly();
        renderer.onExit().get(30, TimeUnit.SECONDS);

        // then: it comes back RUNNING with a new renderer (where there is room: its own node), and the video resumes
        // from a key frame
        SessionRecord firstBack = topics.awaitSession(first, "RUNNING again with a new renderer",
                s -> running(s) && !s.getFrameEndpoint().equals(firstRunning.getFrameEndpoint()), RENDERER_START);
        assertThat(firstBack.getNodeId()).isEqualTo(UP_NODE);
        assertStreamAsAsked(firstVideo.awaitFrame("key frame of the new renderer", mark,
                f -> f.keyFrame() && f.frameNumber() == 0, FRAMES));
        assertThat(editor.acceptedCount()).as("edits acknowledged while the renderer was replaced").isPositive();
        logStep(began, "the killed renderer's session streams again");

        // when: the second node dies with its renderer
        long secondMark = secondVideo.arrived();
        secondNode.killWithDescendants();

        // then: its session comes back on the node with room, and its video resumes from a key frame
        SessionRecord secondBack = topics.awaitSession(second, "RUNNING on " + UP_NODE,
                s -> running(s) && UP_NODE.equals(s.getNodeId()), RENDERER_START.plusSeconds(10));
        assertThat(secondBack.getFrameEndpoint()).isNotEqualTo(secondRunning.getFrameEndpoint());
        assertStreamAsAsked(secondVideo.awaitFrame("key frame of the replacement renderer", secondMark,
                f -> f.keyFrame() && f.frameNumber() == 0, FRAMES));
        logStep(began, "the dead node's session streams again");

        // then: no acknowledged edit is lost: every one was accepted, is in the commit log, and both renderers show
        // the scene at or after the last one
        List<ActionResult> results = editor.stopAndCollect(Duration.ofSeconds(30));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.getStatus()).as("edit %s (%s)",
                r.getActionId(), r.getReason()).isEqualTo(ActionStatus.ACCEPTED));
        long lastVersion = results.stream().mapToLong(ActionResult::getSceneVersion).max().orElseThrow();
        Set<UUID> committed = topics.committedActionIds(scene);
        assertThat(committed).containsAll(results.stream().map(ActionResult::getActionId).toList());
        firstVideo.awaitFrame("frame at version " + lastVersion, mark, f -> f.sceneVersion() >= lastVersion, FRAMES);
        secondVideo.awaitFrame("frame at version " + lastVersion, secondMark, f -> f.sceneVersion() >= lastVersion,
                FRAMES);
        await("the REST state showing the last edit").atMost(Duration.ofSeconds(30))
                .until(() -> entityName(api, admin, scene, cube), ("edit-" + results.size())::equals);

        // and: the new renderer answers a pick through the client: the cube fills the middle of the default view
        Optional<PickHit> hit = firstViewer.pick(0.5f, 0.5f).get(30, TimeUnit.SECONDS);
        assertThat(hit).as("the pick in the middle of the picture").map(PickHit::getEntityId).contains(cube);
        assertThat(secondViewer.isConnected()).isTrue();
        logStep(began, "done: " + results.size() + " edits, last version " + lastVersion);
    }

    // ---- the platform, as a user calls it ----

    private LivelinkClient watch(PlatformRest rest, String admin, UUID session, OrchestrationVideoWatch video) {
        LivelinkClient client = connect(rest.join(admin, session, Role.VIEWER, false), ClientOptions.defaults()
                .withVideo(false, VIDEO.getCodecs()).withAutoReconnect(true), video);
        client.configureVideo(VIDEO);
        return client;
    }

    private LivelinkClient connect(JoinedClient joined, ClientOptions options, OrchestrationVideoWatch video) {
        LivelinkClient client = LivelinkClient.connect(joined.livelinkUrl(), joined.token(),
                video == null ? options : options.withListener(video));
        opened.add(client);
        return client;
    }

    private static ProcessHandle rendererOf(JarProcess node, UUID session) {
        List<ProcessHandle> renderers = node.descendants().stream()
                .filter(p -> commandLine(p).contains("SessionRendererMain") && commandLine(p).contains(
                        session.toString()))
                .toList();
        assertThat(renderers).as("the renderer process of session %s among the launcher's processes %s", session,
                node.descendants()).hasSize(1);
        return renderers.get(0);
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().orElseGet(() -> String.join(" ", info.arguments().orElse(new String[0])));
    }

    /** A frame of the stream asked for: one of the codecs, the size, and encoded data. */
    private static void assertStreamAsAsked(OrchestrationVideoWatch.Seen frame) {
        assertThat(frame.codec()).isIn(VIDEO.getCodecs());
        assertThat(frame.width()).isEqualTo(VIDEO.getWidth());
        assertThat(frame.height()).isEqualTo(VIDEO.getHeight());
        assertThat(frame.bytes()).isPositive();
    }

    private static boolean running(SessionRecord session) {
        return session.getStatus() == SessionStatus.RUNNING && session.getFrameEndpoint() != null;
    }

    private UUID createCube(String api, String admin, UUID scene) throws Exception {
        return UUID.fromString(send("POST", api + "/scenes/" + scene + "/entities", admin, """
                {"components": {"name": "Red cube", "mesh": {"primitive": "CUBE"},
                 "transform": {"position": {"x": 0, "y": 1, "z": 0}, "rotation": {"x": 0, "y": 0, "z": 0, "w": 1},
                               "scale": {"x": 3, "y": 3, "z": 3}},
                 "material": {"baseColor": {"r": 0.9, "g": 0.1, "b": 0.08, "a": 1}, "metallic": 0,
                              "roughness": 0.6}}}""").path("id").asText());
    }

    private UUID createSession(String api, String admin, UUID scene) throws Exception {
        return UUID.fromString(send("POST", api + "/sessions", admin, "{\"sceneId\": \"" + scene
                + "\", \"mode\": \"persistent\"}").path("id").asText());
    }

    private String entityName(String api, String admin, UUID scene, UUID entity) throws Exception {
        return send("GET", api + "/scenes/" + scene + "/entities/" + entity, admin, null).path("components")
                .path("name").asText();
    }

    private JsonNode send(String method, String url, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, url, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    /** A value the launcher printed, without the explanation in parentheses or after a semicolon. */
    private static String printed(JarProcess process, String label) {
        return process.value(label).orElseThrow(() -> new AssertionError("The launcher printed no '" + label
                + "':\n" + String.join("\n", process.output()))).replaceAll(" \\(.*$", "").replaceAll(";.*$", "")
                .replaceAll("/$", "");
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static void logStep(long began, String step) {
        LOG.info("Orchestration test, {} s: {}.", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), step);
    }
}
