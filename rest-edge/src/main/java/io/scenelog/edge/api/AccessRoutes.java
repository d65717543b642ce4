package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.http.Access;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.http.Caller;
import io.scenelog.edge.json.StrictJson;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /tokens} (an API key buys a short-lived bearer token) and the admin's {@code /api-keys}. A key's role
 * and scene are the ceiling of the tokens it mints: asking for more is 403, never silently less.
 */
final class AccessRoutes {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int DEFAULT_TTL_SECONDS = 3600;
    private static final int MIN_TTL_SECONDS = 60;
    private static final int MAX_TTL_SECONDS = 86_400;

    private final ApiKeys keys;
    private final TokenIssuer issuer;
    private final Guard guard;
    private final long maxJsonBytes;
    private final Clock clock;

    AccessRoutes(ApiKeys keys, TokenIssuer issuer, Guard guard, long maxJsonBytes, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.guard = guard;
        this.maxJsonBytes = maxJsonBytes;
        this.clock = clock;
    }

    void mount(RoutesConfig routes) {
        routes.post("/tokens", this::mintToken);
        routes.post("/api-keys", guard.authenticated(this::createKey));
        routes.get("/api-keys", guard.authenticated(this::listKeys));
        routes.delete("/api-keys/{keyId}", guard.authenticated(this::revokeKey));
    }

    private void mintToken(Context ctx) {
        String keyText = ctx.header(API_KEY_HEADER);
        if (keyText == null || keyText.isBlank()) {
            throw ApiException.unauthenticated("POST /tokens needs an API key in the " + API_KEY_HEADER + " header");
        }
        ApiKeyRecord key = keys.authenticate(keyText.trim());
        guard.charge("key:" + key.getKeyId());
        JsonNode body = ApiJson.optionalBody(ctx, maxJsonBytes);
        ObjectNode request = StrictJson.object(body, "", Set.of("role", "scene", "session", "ttlSeconds"), Set.of());
        Role role = StrictJson.optional(request.get("role"), "role",
                (node, path) -> StrictJson.enumValue(node, path, Role.class, true)).orElse(key.getRole());
        if (role.ordinal() > key.getRole().ordinal()) {
            throw ApiException.forbidden("The API key allows at most the " + Access.name(key.getRole()) + " role");
        }
        Optional<UUID> scene = StrictJson.optionalUuid(request.get("scene"), "scene");
        if (key.getSceneId() != null) {
            if (scene.isPresent() && !scene.get().equals(key.getSceneId())) {
                throw ApiException.forbidden("The API key is limited to another scene");
            }
            scene = Optional.of(key.getSceneId());
        }
        Optional<UUID> session = StrictJson.optionalUuid(request.get("session"), "session");
        int ttlSeconds = StrictJson.optional(request.get("ttlSeconds"), "ttlSeconds",
                (node, path) -> StrictJson.intValue(node, path, MIN_TTL_SECONDS, MAX_TTL_SECONDS))
                .orElse(DEFAULT_TTL_SECONDS);
        TokenClaims claims = new TokenClaims(key.getName(), role, scene, session);
        String token = issuer.issue(claims, Duration.ofSeconds(ttlSeconds));
        ObjectNode json = ApiJson.object();
        json.put("token", token);
        json.put("tokenType", "Bearer");
        json.put("expiresAt", clock.instant().plusSeconds(ttlSeconds).toString());
        json.put("subject", claims.subject());
        json.put("role", Access.name(role));
        json.put("scene", scene.map(UUID::toString).orElse(null));
        json.put("session", session.map(UUID::toString).orElse(null));
        ApiJson.write(ctx, 201, json);
    }

    private void createKey(Context ctx, Caller caller) {
        requireAdmin(caller);
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", Set.of("name", "role", "scene"),
                Set.of("name", "role"));
        String name = StrictJson.string(body.get("name"), "name", 1, 64);
        if (!KEY_NAME.matcher(name).matches()) {
            throw ApiException.invalidField("name", "name may use letters, digits, '.', '_' and '-' only");
        }
        Role role = StrictJson.enumValue(body.get("role"), "role", Role.class, true);
        UUID scene = StrictJson.optionalUuid(body.get("scene"), "scene").orElse(null);
        ApiKeys.Created created = keys.create(name, role, scene, caller.subject());
        ObjectNode json = ResourceJson.apiKey(created.record());
        json.put("key", created.key());
        ctx.header("Location", "/api-keys/" + created.record().getKeyId());
        ApiJson.write(ctx, 201, json);
    }

    private void listKeys(Context ctx, Caller caller) {
        requireAdmin(caller);
        ApiJson.write(ctx, 200, PageJson.page(ctx, keys.active(),
                key -> key.getCreatedAt().toEpochMilli() + "/" + key.getKeyId(), ResourceJson::apiKey));
    }

    private void revokeKey(Context ctx, Caller caller) {
        requireAdmin(caller);
        keys.revoke(Requests.uuidParam(ctx, "keyId"));
        ctx.status(204);
    }

    private static void requireAdmin(Caller caller) {
        Access.requireRole(caller, Role.ADMIN);
        Access.requireUnscoped(caller);
    }
}
