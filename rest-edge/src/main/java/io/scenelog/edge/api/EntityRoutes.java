package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.http.Access;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.http.Caller;
import io.scenelog.edge.json.ComponentKinds;
import io.scenelog.edge.json.ComponentsJson;
import io.scenelog.edge.json.EntityJson;
import io.scenelog.edge.json.StrictJson;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.EntityState;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.UpdateComponents;
import io.scenelog.streams.query.StateNotQueryableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /scenes/{sceneId}/entities}: the persisted scene state without a live session. Reads come from the
 * pipeline's state queries (a consistent snapshot at one scene version); writes are {@link SceneAction}s signed
 * with the caller's own token, so the pipeline applies exactly the rules a live client meets, and the response
 * carries the committed result.
 */
final class EntityRoutes {

    private static final Set<String> CREATE_FIELDS = Set.of("id", "components");
    private static final Set<String> PATCH_FIELDS = Set.of("set", "remove", "expectedVersion");

    private final Platform platform;
    private final Guard guard;
    private final long maxJsonBytes;

    EntityRoutes(Platform platform, Guard guard, long maxJsonBytes) {
        this.platform = platform;
        this.guard = guard;
        this.maxJsonBytes = maxJsonBytes;
    }

    void mount(RoutesConfig routes) {
        routes.get("/scenes/{sceneId}/entities", guard.authenticated(this::list));
        routes.post("/scenes/{sceneId}/entities", guard.authenticated(this::create));
        routes.get("/scenes/{sceneId}/entities/{entityId}", guard.authenticated(this::get));
        routes.patch("/scenes/{sceneId}/entities/{entityId}", guard.authenticated(this::update));
        routes.delete("/scenes/{sceneId}/entities/{entityId}", guard.authenticated(this::delete));
    }

    private void list(Context ctx, Caller caller) {
        UUID sceneId = sceneOf(ctx, caller, Role.VIEWER);
        Optional<ComponentKind> component = Optional.ofNullable(ctx.queryParam("component"))
                .filter(text -> !text.isEmpty()).map(text -> ComponentKinds.parse(text, "component"));
        Optional<String> name = Optional.ofNullable(ctx.queryParam("name")).filter(text -> !text.isEmpty())
                .map(text -> text.toLowerCase(Locale.ROOT));
        List<EntityState> matching = platform.snapshot(sceneId).entities().stream()
                .filter(entity -> component.map(kind -> ComponentKinds.has(entity.getComponents(), kind)).orElse(true))
                .filter(entity -> name.map(part -> entity.getComponents().getName() != null
                        && entity.getComponents().getName().toLowerCase(Locale.ROOT).contains(part)).orElse(true))
                .toList();
        ApiJson.write(ctx, 200, PageJson.page(ctx, matching, entity -> entity.getEntityId().toString(),
                EntityJson::write));
    }

    private void get(Context ctx, Caller caller) {
        UUID sceneId = sceneOf(ctx, caller, Role.VIEWER);
        UUID entityId = Requests.uuidParam(ctx, "entityId");
        ApiJson.write(ctx, 200, EntityJson.write(entity(sceneId, entityId)));
    }

    private void create(Context ctx, Caller caller) {
        UUID sceneId = writableScene(ctx, caller);
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", CREATE_FIELDS, Set.of("components"));
        UUID entityId = StrictJson.optionalUuid(body.get("id"), "id").orElseGet(UUID::randomUUID);
        Components components = ComponentsJson.read(body.get("components"), "components");
        commit(ctx, caller, sceneId, List.of(new CreateEntity(entityId, components)));
        ctx.header("Location", "/scenes/" + sceneId + "/entities/" + entityId);
        ApiJson.write(ctx, 201, EntityJson.write(entity(sceneId, entityId)));
    }

    private void update(Context ctx, Caller caller) {
        UUID sceneId = writableScene(ctx, caller);
        UUID entityId = Requests.uuidParam(ctx, "entityId");
        ObjectNode body = StrictJson.object(ApiJson.body(ctx, maxJsonBytes), "", PATCH_FIELDS, Set.of());
        Optional<Long> expected = StrictJson.optional(body.get("expectedVersion"), "expectedVersion",
                (node, path) -> StrictJson.longValue(node, path, 0, Long.MAX_VALUE));
        List<Object> operations = patchOperations(entityId, body, expected);
        commit(ctx, caller, sceneId, operations);
        ApiJson.write(ctx, 200, EntityJson.write(entity(sceneId, entityId)));
    }

    private void delete(Context ctx, Caller caller) {
        UUID sceneId = writableScene(ctx, caller);
        UUID entityId = Requests.uuidParam(ctx, "entityId");
        Long expected = Requests.longQuery(ctx, "expectedVersion").orElse(null);
        commit(ctx, caller, sceneId, List.of(new DeleteEntity(entityId, expected)));
        ctx.status(204);
    }

    /**
     * The operations of a PATCH, in this order: set components, reparent (from {@code set.parent}), remove
     * components, unparent ({@code "parent"} in {@code remove}). The expected version guards the first operation:
     * the action is atomic, so a conflict there rejects all of it.
     */
    private static List<Object> patchOperations(UUID entityId, ObjectNode body, Optional<Long> expected) {
        Optional<Components> set = StrictJson.optional(body.get("set"), "set", ComponentsJson::read);
        List<ComponentKind> remove = StrictJson.optional(body.get("remove"), "remove", ComponentKinds::readAll)
                .orElse(List.of());
        List<Object> operations = new ArrayList<>();
        Long guard = expected.orElse(null);
        if (set.isPresent()) {
            Components components = set.get();
            UUID parent = components.getParent();
            components.setParent(null);
            if (!Components.newBuilder().build().equals(components)) {
                operations.add(new UpdateComponents(entityId, components, guard));
                guard = null;
            }
            if (parent != null) {
                operations.add(new Reparent(entityId, parent, guard));
                guard = null;
            }
        }
        List<ComponentKind> removed = remove.stream().filter(kind -> kind != ComponentKind.PARENT).toList();
        if (!removed.isEmpty()) {
            operations.add(new RemoveComponents(entityId, removed, guard));
            guard = null;
        }
        if (remove.contains(ComponentKind.PARENT)) {
            operations.add(new Reparent(entityId, null, guard));
        }
        if (operations.isEmpty()) {
            throw ApiException.invalidField("set", "A PATCH needs something to change: components in 'set' or"
                    + " component names in 'remove'");
        }
        return operations;
    }

    private void commit(Context ctx, Caller caller, UUID sceneId, List<Object> operations) {
        SceneAction action = SceneAction.newBuilder()
                .setActionId(Requests.actionId(ctx))
                .setSceneId(sceneId)
                .setSessionId(null)
                .setClientId(caller.subject())
                .setToken(caller.token())
                // clientSeq must be unique per client for writes without a session, and edge instances share no
                // counter: a random 62-bit number collides with a client's other writes with negligible odds
                .setClientSeq(ThreadLocalRandom.current().nextLong(1L << 61, Long.MAX_VALUE))
                .setSentAt(platform.clock().instant())
                .setPersist(true)
                .setOperations(operations)
                .build();
        ActionOutcomes.acceptedVersion(platform.gateway().submit(action));
    }

    private EntityState entity(UUID sceneId, UUID entityId) {
        try {
            return platform.queries().entity(sceneId, entityId).orElseThrow(() -> ApiException.notFound(
                    "No entity " + entityId + " in scene " + sceneId + " (or no such scene)"));
        } catch (StateNotQueryableException e) {
            throw ApiException.unavailable("The scene's state cannot be read right now (" + e.getMessage() + ")");
        }
    }

    private static UUID sceneOf(Context ctx, Caller caller, Role role) {
        UUID sceneId = Requests.uuidParam(ctx, "sceneId");
        Access.requireRole(caller, role);
        Access.requireScene(caller, sceneId);
        return sceneId;
    }

    private static UUID writableScene(Context ctx, Caller caller) {
        UUID sceneId = sceneOf(ctx, caller, Role.EDITOR);
        Access.requireNoSessionScope(caller);
        return sceneId;
    }
}
