package io.scenelog.edge.registry.internal.http;

import static io.scenelog.edge.registry.internal.http.RegistryErrors.guarded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.registry.internal.InvalidSchemaException;
import io.scenelog.edge.registry.internal.RegisteredSchema;
import io.scenelog.edge.registry.internal.RegistryService;
import io.scenelog.edge.registry.internal.SchemaVersion;
import io.scenelog.edge.registry.internal.VersionRef;

/** The {@code /subjects} routes: register, look up, list, read and delete versions. */
final class SubjectRoutes {

    private final RegistryService registry;

    SubjectRoutes(RegistryService registry) {
        this.registry = registry;
    }

    void mount(RoutesConfig routes) {
        routes.get("/subjects", guarded(this::listSubjects));
        routes.post("/subjects/{subject}/versions", guarded(this::register));
        routes.post("/subjects/{subject}", guarded(this::lookup));
        routes.delete("/subjects/{subject}", guarded(this::deleteSubject));
        routes.get("/subjects/{subject}/versions", guarded(this::listVersions));
        routes.get("/subjects/{subject}/versions/{version}", guarded(this::getVersion));
        routes.get("/subjects/{subject}/versions/{version}/schema", guarded(this::getRawSchema));
        routes.get("/subjects/{subject}/versions/{version}/referencedby", guarded(this::getReferencedBy));
        routes.delete("/subjects/{subject}/versions/{version}", guarded(this::deleteVersion));
    }

    private void listSubjects(Context ctx) {
        RegistryJson.ok(ctx, registry.subjects(RegistryJson.flag(ctx, "deleted")));
    }

    private void register(Context ctx) {
        String schema = schemaText(RegistryJson.objectBody(ctx));
        int id = registry.register(ctx.pathParam("subject"), schema);
        RegistryJson.ok(ctx, RegistryJson.object().put("id", id));
    }

    private void lookup(Context ctx) {
        String schema = schemaText(RegistryJson.objectBody(ctx));
        SchemaVersion found = registry.lookup(ctx.pathParam("subject"), schema, RegistryJson.flag(ctx, "deleted"));
        RegistryJson.ok(ctx, describe(found));
    }

    private void deleteSubject(Context ctx) {
        RegistryJson.ok(ctx, registry.deleteSubject(ctx.pathParam("subject"), RegistryJson.flag(ctx, "permanent")));
    }

    private void listVersions(Context ctx) {
        RegistryJson.ok(ctx, registry.versions(ctx.pathParam("subject"), RegistryJson.flag(ctx, "deleted")));
    }

    private void getVersion(Context ctx) {
        RegistryJson.ok(ctx, describe(version(ctx)));
    }

    private void getRawSchema(Context ctx) {
        ctx.contentType(RegistryJson.CONTENT_TYPE).result(version(ctx).schema().text());
    }

    private void getReferencedBy(Context ctx) {
        // Schema references are not supported, so nothing can refer to an existing version.
        version(ctx);
        RegistryJson.ok(ctx, RegistryJson.MAPPER.createArrayNode());
    }

    private void deleteVersion(Context ctx) {
        int deleted = registry.deleteVersion(ctx.pathParam("subject"), VersionRef.parse(ctx.pathParam("version")),
                RegistryJson.flag(ctx, "permanent"));
        RegistryJson.ok(ctx, deleted);
    }

    private SchemaVersion version(Context ctx) {
        return registry.version(ctx.pathParam("subject"), VersionRef.parse(ctx.pathParam("version")),
                RegistryJson.flag(ctx, "deleted"));
    }

    /** The schema text of a register, lookup or compatibility request body. */
    static String schemaText(JsonNode body) {
        RegisteredSchema.requireSupportedType(RegistryJson.optionalText(body, "schemaType"));
        JsonNode references = body.get("references");
        if (references != null && !references.isNull() && (!references.isArray() || !references.isEmpty())) {
            throw new InvalidSchemaException("Schema references are not supported by this registry.");
        }
        return RegistryJson.optionalText(body, "schema");
    }

    private static ObjectNode describe(SchemaVersion version) {
        return RegistryJson.object()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema().text());
    }
}
