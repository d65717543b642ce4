package io.scenelog.edge.registry.internal.http;

import static io.scenelog.edge.registry.internal.http.RegistryErrors.guarded;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.registry.internal.CompatibilityLevels;
import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.edge.registry.internal.CompatibilityResult;
import io.scenelog.edge.registry.internal.InvalidCompatibilityLevelException;
import io.scenelog.edge.registry.internal.RegistryService;
import io.scenelog.edge.registry.internal.VersionRef;

/**
 * The {@code /config} routes (compatibility levels, answered as {@code compatibilityLevel} and
 * echoed as {@code compatibility} on update, as Confluent does) and the {@code /compatibility}
 * routes (testing a schema without registering it).
 */
final class ConfigRoutes {

    private final RegistryService registry;

    ConfigRoutes(RegistryService registry) {
        this.registry = registry;
    }

    void mount(RoutesConfig routes) {
        routes.get("/config", guarded(ctx -> level(ctx, registry.globalLevel())));
        routes.put("/config", guarded(ctx -> updated(ctx, registry.setLevel(null, requestedLevel(ctx)))));
        routes.delete("/config", guarded(ctx -> level(ctx, registry.resetGlobalLevel())));
        routes.get("/config/{subject}", guarded(ctx -> level(ctx,
                registry.subjectLevel(ctx.pathParam("subject"), RegistryJson.flag(ctx, "defaultToGlobal")))));
        routes.put("/config/{subject}", guarded(ctx -> updated(ctx,
                registry.setLevel(ctx.pathParam("subject"), requestedLevel(ctx)))));
        routes.delete("/config/{subject}", guarded(ctx -> level(ctx,
                registry.deleteSubjectLevel(ctx.pathParam("subject")))));
        routes.post("/compatibility/subjects/{subject}/versions/{version}", guarded(ctx -> compatibility(ctx,
                VersionRef.parse(ctx.pathParam("version")))));
        routes.post("/compatibility/subjects/{subject}/versions", guarded(ctx -> compatibility(ctx, null)));
    }

    private static void level(Context ctx, CompatibilityLevel level) {
        RegistryJson.ok(ctx, RegistryJson.object().put("compatibilityLevel", level.name()));
    }

    private static void updated(Context ctx, CompatibilityLevel level) {
        RegistryJson.ok(ctx, RegistryJson.object().put("compatibility", level.name()));
    }

    private static CompatibilityLevel requestedLevel(Context ctx) {
        JsonNode body = RegistryJson.objectBody(ctx);
        String level = RegistryJson.optionalText(body, "compatibility");
        if (level == null) {
            level = RegistryJson.optionalText(body, "compatibilityLevel");
        }
        if (level == null) {
            throw new InvalidCompatibilityLevelException("(missing: send {\"compatibility\": \"<level>\"})");
        }
        return CompatibilityLevels.parse(level);
    }

    private void compatibility(Context ctx, VersionRef version) {
        String schema = SubjectRoutes.schemaText(RegistryJson.objectBody(ctx));
        CompatibilityResult result = registry.testCompatibility(ctx.pathParam("subject"), version, schema);
        var body = RegistryJson.object().put("is_compatible", result.compatible());
        if (RegistryJson.flag(ctx, "verbose")) {
            body.set("messages", RegistryJson.MAPPER.valueToTree(result.messages()));
        }
        RegistryJson.ok(ctx, body);
    }
}
