package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.assets.GltfSamples;
import io.scenelog.edge.testing.ApiClient;
import io.scenelog.edge.testing.ApiResponse;
import io.scenelog.edge.testing.Part;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint with anonymous, forged, expired, viewer, editor, admin and other-scene tokens: each caller below the
 * endpoint's role gets 401/403, a token scoped to another scene reads and writes nothing of this one, and after all
 * the refused calls scene A is exactly as it was.
 */
class AccessControlIntegrationTest {

    private static final RunningApi API = RunningApi.get();
    private static ApiClient admin;
    private static String sceneA;
    private static String entityA;
    private static String sessionA;
    private static String clientA;
    private static String assetA;
    private static String assetSha;
    private static String keyId;
    private static String otherSceneToken;

    /** One endpoint of the API, with the least role that may call it and whether it names scene A's objects. */
    private record Endpoint(String method, String path, String body, Role least) {
        ApiResponse call(ApiClient client) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "DELETE" -> client.delete(path);
                case "PATCH" -> client.patch(path, body);
                case "UPLOAD" -> client.postMultipart(path, List.of(
                        Part.file("file", "tile.png", "image/png", GltfSamples.png(4, 4)),
                        Part.text("sceneId", body)));
                default -> client.post(path, body);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void createSceneA() {
        admin = API.client().withBearer(API.adminToken());
        sceneA = admin.post("/scenes", "{\"name\": \"scene A\"}").json().get("id").asText();
        String sceneB = admin.post("/scenes", "{\"name\": \"scene B\"}").json().get("id").asText();
        entityA = admin.post("/scenes/" + sceneA + "/entities", "{\"components\": {\"name\": \"a\"}}")
                .json().get("id").asText();
        sessionA = admin.post("/sessions", "{\"sceneId\": \"" + sceneA + "\", \"mode\": \"persistent\"}")
                .json().get("id").asText();
        clientA = admin.post("/sessions/" + sessionA + "/clients", "{\"role\": \"editor\"}")
                .json().get("clientId").asText();
        JsonNode asset = admin.postMultipart("/assets", List.of(
                Part.file("file", "a.png", "image/png", GltfSamples.png(2, 2)), Part.text("sceneId", sceneA))).json();
        assetA = asset.get("id").asText();
        assetSha = asset.get("sha256").asText();
        keyId = admin.post("/api-keys", "{\"name\": \"acl-sim\", \"role\": \"editor\"}").json().get("id").asText();
        otherSceneToken = API.token("{\"scene\": \"" + sceneB + "\"}");
    }

    private static List<Endpoint> endpoints() {
        String scene = "/scenes/" + sceneA;
        String session = "/sessions/" + sessionA;
        return List.of(
                new Endpoint("POST", "/scenes", "{\"name\": \"x\"}", Role.EDITOR),
                new Endpoint("GET", scene, null, Role.VIEWER),
                new Endpoint("DELETE", scene, null, Role.ADMIN),
                new Endpoint("POST", scene + "/session", "{\"mode\": \"transient\"}", Role.EDITOR),
                new Endpoint("GET", scene + "/entities", null, Role.VIEWER),
                new Endpoint("GET", scene + "/entities/" + entityA, null, Role.VIEWER),
                new Endpoint("POST", scene + "/entities", "{\"components\": {\"name\": \"x\"}}", Role.EDITOR),
                new Endpoint("PATCH", scene + "/entities/" + entityA, "{\"set\": {\"name\": \"x\"}}", Role.EDITOR),
                new Endpoint("DELETE", scene + "/entities/" + entityA, null, Role.EDITOR),
                new Endpoint("POST", "/sessions", "{\"sceneId\": \"" + sceneA + "\", \"mode\": \"transient\"}",
                        Role.EDITOR),
                new Endpoint("GET", session, null, Role.VIEWER),
                new Endpoint("DELETE", session, null, Role.ADMIN),
                new Endpoint("POST", session + "/clients", "{\"role\": \"admin\"}", Role.ADMIN),
                new Endpoint("GET", session + "/clients/" + clientA, null, Role.ADMIN),
                new Endpoint("DELETE", session + "/clients/" + clientA, null, Role.ADMIN),
                new Endpoint("UPLOAD", "/assets", sceneA, Role.EDITOR),
                new Endpoint("GET", "/assets/" + assetA, null, Role.VIEWER),
                new Endpoint("GET", "/assets/" + assetA + "/content", null, Role.VIEWER),
                new Endpoint("POST", "/api-keys", "{\"name\": \"x\", \"role\": \"viewer\"}", Role.ADMIN),
                new Endpoint("GET", "/api-keys", null, Role.ADMIN),
                new Endpoint("DELETE", "/api-keys/" + keyId, null, Role.ADMIN));
    }

    @Test
    void shouldRefuseEveryEndpointWithoutAValidToken() {
        Map<String, Function<ApiClient, ApiClient>> callers = Map.of(
                "anonymous", client -> client,
                "forged", client -> client.withBearer(RunningApi.forged()),
                "expired", client -> client.withBearer(API.expired(TokenClaims.of("admin", Role.ADMIN))),
                "not a bearer", client -> client.header("Authorization", "Basic YWRtaW46YWRtaW4="));
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            callers.forEach((name, caller) -> {
                ApiResponse response = endpoint.call(caller.apply(API.client()));
                if (response.status() != 401 || !response.json().get("code").asText().equals("UNAUTHENTICATED")
                        || response.header("WWW-Authenticate") == null) {
                    failures.add(name + " " + endpoint + " -> " + response.status() + " " + response.text());
                }
            });
        }
        assertThat(failures).isEmpty();
        assertSceneAUnchanged();
    }

    @Test
    void shouldRefuseRolesBelowEachEndpointsRole() {
        List<String> failures = new ArrayList<>();
        for (Role role : List.of(Role.VIEWER, Role.EDITOR)) {
            ApiClient client = API.client().withBearer(API.token("{\"role\": \"" + role.name().toLowerCase() + "\"}"));
            for (Endpoint endpoint : endpoints()) {
                if (role.ordinal() >= endpoint.least().ordinal()) {
                    continue;
                }
                ApiResponse response = endpoint.call(client);
                if (response.status() != 403 || !response.json().get("code").asText().equals("FORBIDDEN")) {
                    failures.add(role + " " + endpoint + " -> " + response.status() + " " + response.text());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertSceneAUnchanged();
    }

    @Test
    void shouldLetATokenOfAnotherSceneReadAndWriteNothingOfThisOne() {
        ApiClient other = API.client().withBearer(otherSceneToken);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            ApiResponse response = endpoint.call(other);
            if (response.status() != 403 && response.status() != 404) {
                failures.add(endpoint + " -> " + response.status() + " " + response.text());
            }
        }
        assertThat(failures).isEmpty();
        // lists leave scene A out
        assertThat(ids(other.get("/scenes"))).doesNotContain(sceneA);
        assertThat(ids(other.get("/sessions"))).doesNotContain(sessionA);
        assertThat(ids(other.get("/assets"))).doesNotContain(assetA);
        assertThat(other.get("/assets/" + assetA + "/blobs/" + assetSha).status()).isEqualTo(404);
        assertSceneAUnchanged();
    }

    @Test
    void shouldServeReadsToEveryRoleThatMayRead() {
        for (Role role : Role.values()) {
            ApiClient client = API.client().withBearer(API.token("{\"role\": \"" + role.name().toLowerCase() + "\"}"));
            for (Endpoint endpoint : endpoints()) {
                if (endpoint.method().equals("GET") && role.ordinal() >= endpoint.least().ordinal()) {
                    assertThat(endpoint.call(client).status()).as(role + " " + endpoint).isEqualTo(200);
                }
            }
        }
        ApiClient scoped = API.client().withBearer(API.token("{\"scene\": \"" + sceneA + "\", \"role\": \"viewer\"}"));
        assertThat(ids(scoped.get("/scenes"))).containsExactly(sceneA);
        assertThat(scoped.get("/scenes/" + sceneA + "/entities/" + entityA).status()).isEqualTo(200);
    }

    @Test
    void shouldNeverMintATokenAboveTheKeysCeiling() {
        String key = admin.post("/api-keys", "{\"name\": \"ceiling-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"role\": \"viewer\", \"scene\": \"" + sceneA + "\"}").json().get("key").asText();
        ApiClient withKey = API.client().withApiKey(key);
        assertThat(withKey.post("/tokens", "{\"role\": \"editor\"}").status()).isEqualTo(403);
        assertThat(withKey.post("/tokens", "{\"scene\": \"" + UUID.randomUUID() + "\"}").status()).isEqualTo(403);
        ApiResponse token = withKey.post("/tokens", "{}");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.json().get("scene").asText()).isEqualTo(sceneA);
        assertThat(API.client().withApiKey(key + "x").post("/tokens", "{}").status()).isEqualTo(401);
        assertThat(API.client().post("/tokens", "{}").status()).isEqualTo(401);
    }

    @Test
    void shouldNotLetASessionTokenJoinFurtherClients() {
        String session = admin.post("/sessions", "{\"sceneId\": \"" + sceneA + "\", \"mode\": \"transient\"}")
                .json().get("id").asText();
        JsonNode joined = admin.post("/sessions/" + session + "/clients", "{\"role\": \"admin\"}").json();
        ApiClient client = API.client().withBearer(joined.get("token").asText());

        ApiResponse response = client.post("/sessions/" + session + "/clients", "{\"role\": \"admin\"}");

        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(admin.get("/sessions/" + session).json().get("clients").findValuesAsText("clientId"))
                .containsExactly(joined.get("clientId").asText());
    }

    /** The ids of a page's items (not of objects nested in them). */
    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static void assertSceneAUnchanged() {
        JsonNode scene = admin.get("/scenes/" + sceneA).json();
        assertThat(scene.get("entityCount").asLong()).isEqualTo(1);
        assertThat(admin.get("/scenes/" + sceneA + "/entities/" + entityA).json().at("/components/name").asText())
                .isEqualTo("a");
        JsonNode session = admin.get("/sessions/" + sessionA).json();
        assertThat(session.get("status").asText()).isNotEqualTo("ended");
        assertThat(session.get("clients").findValuesAsText("clientId")).containsExactly(clientA);
        assertThat(admin.get("/assets/" + assetA).status()).isEqualTo(200);
        assertThat(ids(admin.get("/api-keys?limit=500"))).contains(keyId);
        assertThat(admin.get("/scenes?limit=500").json().get("items").findValuesAsText("name"))
                .doesNotContain("x");
        assertThat(admin.get("/scenes/" + sceneA + "/entities").json().get("items")).hasSize(1);
    }
}
