package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.edge.assets.GltfSamples;
import io.scenelog.edge.testing.ApiClient;
import io.scenelog.edge.testing.ApiResponse;
import io.scenelog.edge.testing.Part;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets its documented status and code, and changes nothing. */
class BadInputIntegrationTest {

    private static final RunningApi API = RunningApi.get();
    private static ApiClient editor;
    private static String sceneId;

    @BeforeAll
    static void createScene() {
        editor = API.client().withBearer(API.token("{\"role\": \"editor\"}"));
        sceneId = editor.post("/scenes", "{\"name\": \"bad input\"}").json().get("id").asText();
    }

    @Test
    void shouldRefuseMalformedJsonWrongTypesAndUnknownFields() {
        int scenesBefore = sceneCount();
        assertError(editor.withoutValidation().post("/scenes", "{\"name\": "), 400, "MALFORMED_JSON");
        assertError(editor.withoutValidation().post("/scenes", "{\"name\": 5}"), 400, "VALIDATION_FAILED")
                .satisfies(body -> assertThat(body.json().at("/details/field").asText()).isEqualTo("name"));
        assertError(editor.withoutValidation().post("/scenes", "{\"name\": \"x\", \"colour\": \"red\"}"), 400,
                "VALIDATION_FAILED")
                .satisfies(body -> assertThat(body.json().at("/details/field").asText()).isEqualTo("colour"));
        assertError(editor.withoutValidation().post("/scenes/" + sceneId + "/entities",
                "{\"components\": {\"transform\": {\"position\": {\"x\": \"far\", \"y\": 0, \"z\": 0}}}}"), 400,
                "VALIDATION_FAILED");
        assertError(editor.withoutValidation().post("/scenes", "[]"), 400, "VALIDATION_FAILED");
        assertError(editor.withoutValidation().header("Content-Type", "text/plain").post("/scenes", "name=x"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertError(editor.withoutValidation().post("/scenes", huge), 413, "PAYLOAD_TOO_LARGE");
        assertThat(sceneCount()).isEqualTo(scenesBefore);
    }

    @Test
    void shouldAnswerUnknownIdsAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();
        assertError(editor.get("/scenes/" + unknown), 404, "NOT_FOUND");
        assertError(editor.get("/scenes/" + sceneId + "/entities/" + unknown), 404, "NOT_FOUND");
        assertError(editor.get("/sessions/" + unknown), 404, "NOT_FOUND");
        assertError(editor.get("/assets/" + unknown), 404, "NOT_FOUND");
        assertError(editor.patch("/scenes/" + sceneId + "/entities/" + unknown, "{\"set\": {\"name\": \"x\"}}"), 404,
                "NOT_FOUND");
        assertError(editor.post("/scenes/" + unknown + "/entities", "{\"components\": {\"name\": \"x\"}}"), 404,
                "NOT_FOUND");
        assertError(editor.post("/sessions", "{\"sceneId\": \"" + unknown + "\", \"mode\": \"transient\"}"), 404,
                "NOT_FOUND");
        assertError(editor.withoutValidation().get("/scenes/not-a-uuid"), 400, "VALIDATION_FAILED");
        assertError(editor.withoutValidation().get("/scenes?limit=0"), 400, "VALIDATION_FAILED");
        assertError(editor.withoutValidation().get("/scenes?cursor=garbage!"), 400, "VALIDATION_FAILED");
    }

    @Test
    void shouldRefuseADuplicateCreateAndAStaleVersion() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\": \"" + id + "\", \"components\": {\"name\": \"first\"}}";
        assertThat(editor.post("/scenes/" + sceneId + "/entities", body).status()).isEqualTo(201);
        assertError(editor.post("/scenes/" + sceneId + "/entities",
                "{\"id\": \"" + id + "\", \"components\": {\"name\": \"second\"}}"), 409, "ALREADY_EXISTS");
        assertError(editor.delete("/scenes/" + sceneId + "/entities/" + id + "?expectedVersion=99"), 409,
                "VERSION_CONFLICT");
        assertThat(editor.get("/scenes/" + sceneId + "/entities/" + id).json().at("/components/name").asText())
                .isEqualTo("first");
    }

    @Test
    void shouldReplayAWriteWithTheSameIdempotencyKeyOnce() {
        String key = UUID.randomUUID().toString();
        ApiClient retrying = editor.header("Idempotency-Key", key);
        String id = UUID.randomUUID().toString();
        String body = "{\"id\": \"" + id + "\", \"components\": {\"name\": \"once\"}}";
        ApiResponse first = retrying.post("/scenes/" + sceneId + "/entities", body);
        ApiResponse retry = retrying.post("/scenes/" + sceneId + "/entities", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("version").asLong()).isEqualTo(first.json().get("version").asLong());
    }

    @Test
    void shouldRefuseBadUploadsAndStoreNothing() {
        int assetsBefore = assetCount();
        // not a known format
        assertUpload("notes.txt", "hello".getBytes(), 415, "UNSUPPORTED_MEDIA_TYPE");
        // truncated GLB
        byte[] glb = GltfSamples.cubeGlb();
        assertUpload("cut.glb", Arrays.copyOf(glb, glb.length - 10), 422, "INVALID_ASSET");
        // accessor beyond its buffer view
        GltfSamples.Gltf parts = GltfSamples.cubeGlbParts();
        ObjectNode json = parts.json().deepCopy();
        ((ObjectNode) json.withArray("accessors").get(0)).put("count", 1_000_000);
        assertUpload("oob.glb", GltfSamples.glb(json, parts.bin()), 422, "INVALID_ASSET");
        // a package whose glTF points outside it
        ObjectNode escaping = GltfSamples.cubePackageParts().json().deepCopy();
        ((ObjectNode) ((ArrayNode) escaping.get("buffers")).get(0)).put("uri", "../../etc/passwd");
        assertUpload("escape.zip", GltfSamples.packageZip(escaping), 422, "INVALID_ASSET");
        // path traversal in an entry name
        Map<String, byte[]> traversal = new LinkedHashMap<>();
        traversal.put("cube.gltf", GltfSamples.json(GltfSamples.cubePackageParts().json()));
        traversal.put("../evil.bin", new byte[16]);
        assertUpload("traversal.zip", GltfSamples.zip(traversal), 422, "INVALID_ASSET");
        // too many entries
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            many.put("f" + i + ".bin", new byte[] {1});
        }
        assertUpload("many.zip", GltfSamples.zip(many), 413, "PAYLOAD_TOO_LARGE");
        // a zip bomb: tiny compressed, over the unpacked cap
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("cube.gltf", GltfSamples.json(GltfSamples.cubePackageParts().json()));
        bomb.put("cube.bin", new byte[(int) (4 * RunningApi.MAX_UPLOAD_BYTES + 1024)]);
        assertUpload("bomb.zip", GltfSamples.zip(bomb), 413, "PAYLOAD_TOO_LARGE");
        // over the upload cap
        byte[] big = Arrays.copyOf(GltfSamples.png(2, 2), (int) RunningApi.MAX_UPLOAD_BYTES + 200_000);
        assertUpload("big.png", big, 413, "PAYLOAD_TOO_LARGE");
        assertThat(assetCount()).isEqualTo(assetsBefore);
    }

    private static void assertUpload(String name, byte[] bytes, int status, String code) {
        ApiResponse response = editor.postMultipart("/assets", List.of(
                Part.file("file", name, "application/octet-stream", bytes), Part.text("sceneId", sceneId)));
        assertError(response, status, code);
    }

    private static org.assertj.core.api.ObjectAssert<ApiResponse> assertError(ApiResponse response, int status,
            String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("message").asText()).isNotBlank();
        return assertThat(response);
    }

    private static int sceneCount() {
        return editor.get("/scenes?limit=500").json().get("items").size();
    }

    private static int assetCount() {
        return editor.get("/assets?limit=500").json().get("items").size();
    }
}
