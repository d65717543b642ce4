package io.scenelog.livelink.client;

import io.scenelog.livelink.client.internal.RestHttp;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The REST calls a Livelink client needs before it connects (the OpenAPI document scenelog-api.yaml):
 * exchange an API key for a token, create a scene, find or start a session of a scene, join a session. So a program
 * needs only the edge's URL and a bearer token or an API key:
 *
 * <pre>{@code
 * PlatformRest rest = PlatformRest.at(URI.create("http://127.0.0.1:8080"));
 * String bearer = rest.tokenFromApiKey(apiKey, Role.EDITOR, sceneId);
 * UUID sessionId = rest.findOrStartSession(bearer, sceneId, SessionMode.PERSISTENT);
 * JoinedClient joined = rest.join(bearer, sessionId, Role.EDITOR, true);
 * }</pre>
 *
 * <p>Every failure is a {@link PlatformRestException} with the HTTP status and the error body's stable
 * code. Thread-safe.
 */
public final class PlatformRest {

    /** The default time one call may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final RestHttp http;

    private PlatformRest(RestHttp http) {
        this.http = http;
    }

    /** Calls the edge at {@code restBase} (e.g. {@code http://127.0.0.1:8080}) with a new HTTP client. */
    public static PlatformRest at(URI restBase) {
        return at(restBase, HttpClient.newHttpClient(), DEFAULT_TIMEOUT);
    }

    /** Calls the edge at {@code restBase} with {@code httpClient}, each call bounded by {@code timeout}. */
    public static PlatformRest at(URI restBase, HttpClient httpClient, Duration timeout) {
        Objects.requireNonNull(restBase, "restBase");
        if (!"http".equals(restBase.getScheme()) && !"https".equals(restBase.getScheme())) {
            throw new IllegalArgumentException("The REST edge's URL is http:// or https://, not " + restBase);
        }
        return new PlatformRest(new RestHttp(Objects.requireNonNull(httpClient, "httpClient"), restBase,
                Objects.requireNonNull(timeout, "timeout")));
    }

    /**
     * Exchanges an API key for a bearer token ({@code POST /tokens}).
     *
     * @param apiKey the key, sent as {@code X-Api-Key}
     * @param role the role asked for, or null for the key's own
     * @param sceneId the scene to limit the token to, or null for the key's own scope
     * @return the token
     */
    public String tokenFromApiKey(String apiKey, Role role, UUID sceneId) {
        return tokenFromApiKey(apiKey, role, sceneId, null);
    }

    /**
     * Exchanges an API key for a bearer token with a lifetime ({@code POST /tokens}).
     *
     * @param apiKey the key, sent as {@code X-Api-Key}
     * @param role the role asked for, or null for the key's own
     * @param sceneId the scene to limit the token to, or null for the key's own scope
     * @param ttl the token's lifetime (the edge accepts 1 minute to 24 hours), or null for the edge's default
     * @return the token
     */
    public String tokenFromApiKey(String apiKey, Role role, UUID sceneId, Duration ttl) {
        Objects.requireNonNull(apiKey, "apiKey");
        Map<String, Object> body = new LinkedHashMap<>();
        if (role != null) {
            body.put("role", name(role));
        }
        if (sceneId != null) {
            body.put("scene", sceneId.toString());
        }
        if (ttl != null) {
            body.put("ttlSeconds", ttl.toSeconds());
        }
        return http.post("/tokens", RestHttp.json(body), "X-Api-Key", apiKey).text("token");
    }

    /**
     * Creates an empty scene ({@code POST /scenes}).
     *
     * @param bearer an editor's (or admin's) token not scoped to a scene
     * @param name the scene's name (1 to 200 characters)
     * @return the new scene's id, chosen by the platform
     */
    public UUID createScene(String bearer, String name) {
        Objects.requireNonNull(name, "name");
        return http.post("/scenes", RestHttp.json(Map.of("name", name)), authorization(bearer)).uuid("id");
    }

    /**
     * Finds the oldest live session of a scene in a mode, or starts one ({@code POST /scenes/{id}/session}).
     *
     * @param bearer an editor's (or admin's) token
     * @param mode the session's mode, or null for the edge's default (persistent)
     * @return the session's id
     */
    public UUID findOrStartSession(String bearer, UUID sceneId, SessionMode mode) {
        Objects.requireNonNull(sceneId, "sceneId");
        String path = "/scenes/" + sceneId + "/session";
        Map<String, Object> body = new LinkedHashMap<>();
        if (mode != null) {
            body.put("mode", mode.name().toLowerCase(Locale.ROOT));
        }
        return http.post(path, RestHttp.json(body), authorization(bearer)).uuid("id");
    }

    /**
     * Joins a client to a session ({@code POST /sessions/{id}/clients}).
     *
     * @param bearer a token of at least {@code role}, not scoped to a session
     * @param role the new client's role
     * @param headless true for a client without video
     * @return the client's id, token and Livelink URL
     */
    public JoinedClient join(String bearer, UUID sessionId, Role role, boolean headless) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        String path = "/sessions/" + sessionId + "/clients";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", name(role));
        body.put("headless", headless);
        RestHttp.Answer answer = http.post(path, RestHttp.json(body), authorization(bearer));
        String joinedRole = answer.text("role");
        try {
            return new JoinedClient(answer.text("clientId"), Role.valueOf(joinedRole.toUpperCase(Locale.ROOT)),
                    answer.json().path("headless").asBoolean(headless), answer.text("token"),
                    Instant.parse(answer.text("expiresAt")), URI.create(answer.text("livelinkUrl")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw answer.malformed("the join answer has a malformed field: " + e.getMessage(), e);
        }
    }

    private static String[] authorization(String bearer) {
        Objects.requireNonNull(bearer, "bearer");
        return new String[] {"Authorization", "Bearer " + bearer};
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
