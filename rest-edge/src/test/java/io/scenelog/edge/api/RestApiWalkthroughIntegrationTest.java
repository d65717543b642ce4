package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.assets.GltfSamples;
import io.scenelog.edge.testing.ApiClient;
import io.scenelog.edge.testing.ApiResponse;
import io.scenelog.edge.testing.Part;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through against a real server, broker and pipeline: key → token → scene → entities → asset
 * upload → session → join, every call checked against the OpenAPI document by {@link ApiClient}.
 */
class RestApiWalkthroughIntegrationTest {

    private final RunningApi api = RunningApi.get();

    @Test
    void shouldWalkFromAnApiKeyToAJoinedSession() {
        // given: an editor key made by the admin, exchanged for a token
        ApiClient admin = api.client().withBearer(api.adminToken());
        ApiResponse key = admin.post("/api-keys", "{\"name\": \"walkthrough-editor\", \"role\": \"editor\"}");
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        assertThat(key.json().get("key").asText()).startsWith("slk_");
        ApiResponse token = api.client().withApiKey(key.json().get("key").asText()).post("/tokens",
                "{\"ttlSeconds\": 600}");
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        assertThat(token.json().get("role").asText()).isEqualTo("editor");
        ApiClient editor = api.client().withBearer(token.json().get("token").asText());

        // when: a scene with entities
        ApiResponse scene = editor.post("/scenes", "{\"name\": \"warehouse\", \"settings\": {\"sky\": \"#87ceeb\"}}");
        assertThat(scene.status()).as(scene.text()).isEqualTo(201);
        String sceneId = scene.json().get("id").asText();
        assertThat(scene.header("Location")).isEqualTo("/scenes/" + sceneId);
        ApiResponse cube = editor.post("/scenes/" + sceneId + "/entities", """
                {"components": {"name": "Cube", "mesh": {"primitive": "CUBE"},
                 "transform": {"position": {"x": 1, "y": 0, "z": 0}, "rotation": {"x": 0, "y": 0, "z": 0, "w": 1},
                               "scale": {"x": 1, "y": 1, "z": 1}}}}""");
        assertThat(cube.status()).as(cube.text()).isEqualTo(201);
        String cubeId = cube.json().get("id").asText();
        long cubeVersion = cube.json().get("version").asLong();
        ApiResponse lamp = editor.post("/scenes/" + sceneId + "/entities", """
                {"components": {"name": "Lamp", "light": {"type": "POINT", "color": {"r": 1, "g": 1, "b": 0.8},
                 "intensity": 3.5}, "parent": "%s"}}""".formatted(cubeId));
        assertThat(lamp.status()).as(lamp.text()).isEqualTo(201);

        // then: reads see them
        JsonNode got = editor.get("/scenes/" + sceneId).json();
        assertThat(got.get("entityCount").asLong()).isEqualTo(2);
        assertThat(got.get("version").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(editor.get("/scenes/" + sceneId + "/entities?component=light").json().get("items"))
                .hasSize(1);
        assertThat(editor.get("/scenes/" + sceneId + "/entities?name=cu").json().at("/items/0/id").asText())
                .isEqualTo(cubeId);
        ApiResponse firstPage = editor.get("/scenes/" + sceneId + "/entities?limit=1");
        assertThat(firstPage.json().get("items")).hasSize(1);
        ApiResponse secondPage = editor.get("/scenes/" + sceneId + "/entities?limit=1&cursor="
                + firstPage.json().get("nextCursor").asText());
        assertThat(secondPage.json().get("items")).hasSize(1);
        assertThat(secondPage.json().get("nextCursor").isNull()).isTrue();

        // when: an update with the right version, then a stale one
        ApiResponse moved = editor.patch("/scenes/" + sceneId + "/entities/" + cubeId, """
                {"set": {"name": "Big cube", "visible": false}, "remove": ["mesh"], "expectedVersion": %d}"""
                .formatted(cubeVersion));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().at("/components/name").asText()).isEqualTo("Big cube");
        assertThat(moved.json().at("/components/mesh").isMissingNode()).isTrue();
        assertThat(moved.json().get("version").asLong()).isGreaterThan(cubeVersion);
        ApiResponse stale = editor.patch("/scenes/" + sceneId + "/entities/" + cubeId,
                "{\"set\": {\"name\": \"lost\"}, \"expectedVersion\": " + cubeVersion + "}");
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.json().at("/details/reason").asText()).isEqualTo("VERSION_CONFLICT");

        // when: an asset upload for the scene
        ApiResponse asset = editor.postMultipart("/assets", List.of(
                Part.file("file", "cube.glb", "model/gltf-binary", GltfSamples.cubeGlb()),
                Part.text("sceneId", sceneId)));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        assertThat(asset.json().get("kind").asText()).isEqualTo("glb");
        assertThat(asset.json().at("/summary/triangles").asLong()).isEqualTo(GltfSamples.CUBE_TRIANGLES);
        String assetId = asset.json().get("id").asText();
        ApiResponse content = editor.get("/assets/" + assetId + "/content");
        assertThat(content.status()).as(content.text()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(GltfSamples.cubeGlb());
        assertThat(content.header("ETag")).isEqualTo("\"" + asset.json().get("sha256").asText() + "\"");

        // when: a session, joined by a viewer
        ApiResponse session = editor.post("/sessions", "{\"sceneId\": \"" + sceneId + "\", \"mode\": \"persistent\"}");
        assertThat(session.status()).as(session.text()).isEqualTo(201);
        String sessionId = session.json().get("id").asText();
        assertThat(session.json().get("status").asText()).isEqualTo("requested");
        ApiResponse found = editor.post("/scenes/" + sceneId + "/session", "{\"mode\": \"persistent\"}");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.json().get("id").asText()).isEqualTo(sessionId);
        ApiResponse join = editor.post("/sessions/" + sessionId + "/clients", "{\"role\": \"viewer\"}");
        assertThat(join.status()).as(join.text()).isEqualTo(201);
        assertThat(join.json().get("livelinkUrl").asText()).contains("session=" + sessionId)
                .doesNotContain(join.json().get("token").asText());
        String clientId = join.json().get("clientId").asText();

        // then: the session lists the client; the admin sees and evicts it, then ends the session
        assertThat(editor.get("/sessions/" + sessionId).json().at("/clients/0/clientId").asText())
                .isEqualTo(clientId);
        assertThat(admin.get("/sessions/" + sessionId + "/clients/" + clientId).json().get("role").asText())
                .isEqualTo("viewer");
        assertThat(admin.delete("/sessions/" + sessionId + "/clients/" + clientId).status()).isEqualTo(204);
        assertThat(editor.get("/sessions/" + sessionId).json().get("clients")).isEmpty();
        assertThat(admin.delete("/sessions/" + sessionId).status()).isEqualTo(204);
        assertThat(editor.get("/sessions/" + sessionId).json().get("status").asText()).isEqualTo("ended");
        assertThat(editor.get("/sessions?sceneId=" + sceneId + "&status=ended").json().get("items")).hasSize(1);

        // when: the cube is deleted (its child, the lamp, goes with it), then the scene
        assertThat(editor.delete("/scenes/" + sceneId + "/entities/" + cubeId).status()).isEqualTo(204);
        assertThat(editor.get("/scenes/" + sceneId + "/entities/" + cubeId).status()).isEqualTo(404);
        assertThat(editor.get("/scenes/" + sceneId + "/entities/" + lamp.json().get("id").asText()).status())
                .isEqualTo(404);
        assertThat(editor.delete("/scenes/" + sceneId + "/entities/" + cubeId).json().at("/details/reason").asText())
                .isEqualTo("UNKNOWN_ENTITY");
        assertThat(admin.delete("/scenes/" + sceneId).status()).isEqualTo(204);
        assertThat(admin.get("/scenes/" + sceneId).status()).isEqualTo(404);
    }

    @Test
    void shouldEndASessionThatSatIdleWithoutClients() {
        // given
        ApiClient editor = api.client().withBearer(api.token("{\"role\": \"editor\"}"));
        String sceneId = editor.post("/scenes", "{\"name\": \"idle\"}").json().get("id").asText();
        String sessionId = editor.post("/sessions", "{\"sceneId\": \"" + sceneId + "\", \"mode\": \"transient\"}")
                .json().get("id").asText();

        // then: the sweeper ends it after the (short) idle timeout
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode session = editor.get("/sessions/" + sessionId).json();
            assertThat(session.get("status").asText()).isEqualTo("ended");
            assertThat(session.get("endReason").asText()).contains("idle");
        });
    }
}
