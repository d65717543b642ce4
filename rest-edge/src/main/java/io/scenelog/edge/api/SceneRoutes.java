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
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.streams.query.SceneSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /scenes}: create (editor, unscoped token), list and get (viewer; a scoped token sees its scene only), delete
 * (admin; the pipeline ends the scene's sessions and tombstones its entities in the same transaction).
 */
final class SceneRoutes {

    private static final int MAX_SETTINGS = 64;

    private final Platform platform;
    private final Guard guard;
    private final long maxJsonBytes;

    SceneRoutes(Platform platform, Guard guard, long maxJsonBytes) {
        this.platform = platform;
        this.guard = guard;
        this.maxJsonBytes = maxJsonBytes;
    }

    void mount(RoutesConfig routes) {
        routes.post("/scenes", guard.authenticated(this::create));
        routes.get("/scenes", guard.authenticated(this::list));
        routes.get("/scenes/{sceneId}", guard.authenticated(this::get));
        routes.delete("/scenes/{sceneId}", guard.authenticated(this::delete));
    }

    private void create(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.EDITOR);
        Access.requireUnscoped(caller);
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", Set.of("name", "settings"),
                Set.of("name"));
        String name = StrictJson.string(body.get("name"), "name", 1, 200);
        Map<String, String> settings = StrictJson.optional(body.get("settings"), "settings",
                (node, path) -> StrictJson.stringMap(node, path, MAX_SETTINGS, 64, 1024)).orElse(Map.of());
        UUID sceneId = UUID.randomUUID();
        platform.control(platform.service().commands().createScene(sceneId, name, settings), null);
        platform.catchUp(platform.scenes());
        SceneRecord scene = platform.activeScene(sceneId)
                .orElseThrow(() -> ApiException.unavailable("The scene was created but is not visible yet"));
        ctx.header("Location", "/scenes/" + sceneId);
        ApiJson.write(ctx, 201, ResourceJson.scene(scene, scene.getVersion(), scene.getEntityCount(), List.of()));
    }

    private void list(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        List<SceneRecord> visible = platform.scenes().values().stream()
                .filter(scene -> scene.getStatus() == SceneStatus.ACTIVE)
                .filter(scene -> caller.claims().allowsScene(scene.getSceneId()))
                .toList();
        ApiJson.write(ctx, 200, PageJson.page(ctx, visible,
                scene -> scene.getCreatedAt().toEpochMilli() + "/" + scene.getSceneId(),
                scene -> ResourceJson.scene(scene, scene.getVersion(), scene.getEntityCount(),
                        platform.liveSessions(scene.getSceneId()))));
    }

    private void get(Context ctx, Caller caller) {
        UUID sceneId = Requests.uuidParam(ctx, "sceneId");
        Access.requireRole(caller, Role.VIEWER);
        Access.requireScene(caller, sceneId);
        SceneSnapshot snapshot = platform.snapshot(sceneId);
        ApiJson.write(ctx, 200, ResourceJson.scene(snapshot.scene(), snapshot.version(),
                snapshot.entities().size(), platform.liveSessions(sceneId)));
    }

    private void delete(Context ctx, Caller caller) {
        UUID sceneId = Requests.uuidParam(ctx, "sceneId");
        Access.requireRole(caller, Role.ADMIN);
        Access.requireScene(caller, sceneId);
        Access.requireNoSessionScope(caller);
        if (platform.activeScene(sceneId).isEmpty()) {
            platform.catchUp(platform.scenes());
            if (platform.activeScene(sceneId).isEmpty()) {
                throw ApiException.notFound("No scene " + sceneId);
            }
        }
        platform.control(platform.service().commands().deleteScene(sceneId), null);
        platform.catchUp(platform.scenes());
        platform.catchUp(platform.sessions());
        ctx.status(204);
    }
}
