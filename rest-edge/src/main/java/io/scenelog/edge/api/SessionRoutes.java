package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.http.Access;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.http.Caller;
import io.scenelog.edge.json.StrictJson;
import io.scenelog.model.Role;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /sessions} and find-or-start {@code POST /scenes/{sceneId}/session}: sessions are requested, joined, left
 * and ended through control commands the pipeline validates; reads come from the edge's view of the
 * {@code sessions} topic. A session (or client) the caller's token may not see answers 404, as if it did not exist.
 */
final class SessionRoutes {

    private final Platform platform;
    private final Guard guard;
    private final TokenIssuer issuer;
    private final long maxJsonBytes;
    private final Duration clientTokenTtl;
    private final String livelinkUrl;

    SessionRoutes(Platform platform, Guard guard, TokenIssuer issuer, long maxJsonBytes, Duration clientTokenTtl,
            String livelinkUrl) {
        this.platform = platform;
        this.guard = guard;
        this.issuer = issuer;
        this.maxJsonBytes = maxJsonBytes;
        this.clientTokenTtl = clientTokenTtl;
        this.livelinkUrl = livelinkUrl;
    }

    void mount(RoutesConfig routes) {
        routes.post("/sessions", guard.authenticated(this::create));
        routes.get("/sessions", guard.authenticated(this::list));
        routes.get("/sessions/{sessionId}", guard.authenticated(this::get));
        routes.delete("/sessions/{sessionId}", guard.authenticated(this::end));
        routes.post("/sessions/{sessionId}/clients", guard.authenticated(this::join));
        routes.get("/sessions/{sessionId}/clients/{clientId}", guard.authenticated(this::getClient));
        routes.delete("/sessions/{sessionId}/clients/{clientId}", guard.authenticated(this::evict));
        routes.post("/scenes/{sceneId}/session", guard.authenticated(this::findOrStart));
    }

    private void create(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.EDITOR);
        Access.requireNoSessionScope(caller);
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", Set.of("sceneId", "mode"),
                Set.of("sceneId", "mode"));
        UUID sceneId = StrictJson.uuid(body.get("sceneId"), "sceneId");
        Access.requireScene(caller, sceneId);
        SessionMode mode = StrictJson.enumValue(body.get("mode"), "mode", SessionMode.class, true);
        SessionRecord session = start(sceneId, mode);
        ctx.header("Location", "/sessions/" + session.getSessionId());
        ApiJson.write(ctx, 201, ResourceJson.session(session));
    }

    private void findOrStart(Context ctx, Caller caller) {
        UUID sceneId = Requests.uuidParam(ctx, "sceneId");
        Access.requireRole(caller, Role.EDITOR);
        Access.requireScene(caller, sceneId);
        Access.requireNoSessionScope(caller);
        ObjectNode body = StrictJson.object(ApiJson.optionalBody(ctx, maxJsonBytes), "", Set.of("mode"), Set.of());
        SessionMode wanted = StrictJson.optional(body.get("mode"), "mode",
                (node, path) -> StrictJson.enumValue(node, path, SessionMode.class, true))
                .orElse(SessionMode.PERSISTENT);
        Optional<SessionRecord> existing = platform.liveSessions(sceneId).stream()
                .filter(session -> session.getMode() == wanted).findFirst();
        if (existing.isPresent()) {
            ApiJson.write(ctx, 200, ResourceJson.session(existing.get()));
            return;
        }
        SessionRecord session = start(sceneId, wanted);
        ctx.header("Location", "/sessions/" + session.getSessionId());
        ApiJson.write(ctx, 201, ResourceJson.session(session));
    }

    private void list(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        Optional<UUID> sceneId = Requests.uuidQuery(ctx, "sceneId");
        Optional<SessionStatus> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isEmpty())
                .map(text -> StrictJson.enumValue(text, "status", SessionStatus.class, true));
        List<SessionRecord> visible = platform.sessions().values().stream()
                .filter(session -> visible(caller, session))
                .filter(session -> sceneId.map(id -> id.equals(session.getSceneId())).orElse(true))
                .filter(session -> status.map(s -> s == session.getStatus()).orElse(true))
                .toList();
        ApiJson.write(ctx, 200, PageJson.page(ctx, visible,
                session -> session.getCreatedAt().toEpochMilli() + "/" + session.getSessionId(),
                ResourceJson::session));
    }

    private void get(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        ApiJson.write(ctx, 200, ResourceJson.session(visibleSession(ctx, caller)));
    }

    private void end(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.ADMIN);
        Access.requireNoSessionScope(caller);
        SessionRecord session = visibleSession(ctx, caller);
        if (session.getStatus() != SessionStatus.ENDED) {
            platform.control(platform.service().commands().endSession(session.getSceneId(), session.getSessionId(),
                    "ended by " + caller.subject()), session.getSessionId());
            platform.catchUp(platform.sessions());
        }
        ctx.status(204);
    }

    private void join(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        Access.requireNoSessionScope(caller);
        SessionRecord session = visibleSession(ctx, caller);
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", Set.of("role", "headless"),
                Set.of("role"));
        Role role = StrictJson.enumValue(body.get("role"), "role", Role.class, true);
        boolean headless = StrictJson.optional(body.get("headless"), "headless", StrictJson::bool).orElse(false);
        if (role.ordinal() > caller.role().ordinal()) {
            throw ApiException.forbidden("A " + Access.name(caller.role()) + " token cannot join as "
                    + Access.name(role));
        }
        if (session.getStatus() == SessionStatus.ENDED) {
            throw ApiException.notFound("Session " + session.getSessionId() + " has ended");
        }
        String clientId = "client-" + UUID.randomUUID();
        platform.control(platform.service().commands().clientJoined(session.getSceneId(), session.getSessionId(),
                clientId, role, headless), session.getSessionId());
        String token = issuer.issue(new TokenClaims(clientId, role, Optional.of(session.getSceneId()),
                Optional.of(session.getSessionId())), clientTokenTtl);
        platform.catchUp(platform.sessions());
        ObjectNode json = ApiJson.object();
        json.put("clientId", clientId);
        json.put("role", Access.name(role));
        json.put("headless", headless);
        json.put("token", token);
        json.put("expiresAt", platform.clock().instant().plus(clientTokenTtl).toString());
        json.put("livelinkUrl", livelinkUrl + "?session=" + session.getSessionId());
        ctx.header("Location", "/sessions/" + session.getSessionId() + "/clients/" + clientId);
        ApiJson.write(ctx, 201, json);
    }

    private void getClient(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.ADMIN);
        ApiJson.write(ctx, 200, ResourceJson.client(client(visibleSession(ctx, caller), ctx.pathParam("clientId"))));
    }

    private void evict(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.ADMIN);
        SessionRecord session = visibleSession(ctx, caller);
        SessionClient client = client(session, ctx.pathParam("clientId"));
        platform.control(platform.service().commands().clientLeft(session.getSceneId(), session.getSessionId(),
                client.getClientId()), session.getSessionId());
        platform.catchUp(platform.sessions());
        ctx.status(204);
    }

    private SessionRecord start(UUID sceneId, SessionMode mode) {
        UUID sessionId = UUID.randomUUID();
        platform.control(platform.service().commands().requestSession(sceneId, sessionId, mode), sessionId);
        platform.catchUp(platform.sessions());
        return platform.sessions().get(sessionId.toString())
                .orElseThrow(() -> ApiException.unavailable("The session was created but is not visible yet"));
    }

    private SessionRecord visibleSession(Context ctx, Caller caller) {
        UUID sessionId = Requests.uuidParam(ctx, "sessionId");
        return platform.sessions().get(sessionId.toString())
                .filter(session -> visible(caller, session))
                .orElseThrow(() -> ApiException.notFound("No session " + sessionId));
    }

    private static SessionClient client(SessionRecord session, String clientId) {
        return session.getClients().stream().filter(client -> client.getClientId().equals(clientId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No client '" + clientId + "' in session "
                        + session.getSessionId()));
    }

    private static boolean visible(Caller caller, SessionRecord session) {
        return caller.claims().allowsScene(session.getSceneId())
                && caller.claims().allowsSession(session.getSessionId());
    }
}
