package io.scenelog.edge.registry.internal.http;

import static io.scenelog.edge.registry.internal.http.RegistryErrors.guarded;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.registry.internal.RegisteredSchema;
import io.scenelog.edge.registry.internal.RegistryService;
import io.scenelog.edge.registry.internal.SchemaNotFoundException;
import io.scenelog.edge.registry.internal.SchemaVersion;
import java.util.List;

/** The {@code /schemas} routes: schemas by global id, and the schema types served. */
final class SchemaRoutes {

    private final RegistryService registry;

    SchemaRoutes(RegistryService registry) {
        this.registry = registry;
    }

    void mount(RoutesConfig routes) {
        routes.get("/schemas/types", guarded(ctx -> RegistryJson.ok(ctx, List.of(RegisteredSchema.AVRO))));
        routes.get("/schemas/ids/{id}", guarded(this::getById));
        routes.get("/schemas/ids/{id}/schema", guarded(this::getRawById));
        routes.get("/schemas/ids/{id}/versions", guarded(this::getVersionsById));
        routes.get("/schemas/ids/{id}/subjects", guarded(this::getSubjectsById));
    }

    // Query parameters such as subject= (Confluent contexts) are accepted and need nothing here:
    // ids are global in this registry.
    private void getById(Context ctx) {
        ObjectNode body = RegistryJson.object().put("schema", registry.schemaById(id(ctx)).text());
        if (RegistryJson.flag(ctx, "fetchMaxId")) {
            body.put("maxId", registry.maxId());
        }
        RegistryJson.ok(ctx, body);
    }

    private void getRawById(Context ctx) {
        ctx.contentType(RegistryJson.CONTENT_TYPE).result(registry.schemaById(id(ctx)).text());
    }

    private void getVersionsById(Context ctx) {
        ArrayNode body = RegistryJson.MAPPER.createArrayNode();
        for (SchemaVersion version : registry.versionsWithId(id(ctx), RegistryJson.flag(ctx, "deleted"))) {
            body.add(RegistryJson.object().put("subject", version.subject()).put("version", version.version()));
        }
        RegistryJson.ok(ctx, body);
    }

    private void getSubjectsById(Context ctx) {
        List<String> subjects = registry.versionsWithId(id(ctx), RegistryJson.flag(ctx, "deleted")).stream()
                .map(SchemaVersion::subject).distinct().sorted().toList();
        RegistryJson.ok(ctx, subjects);
    }

    private static int id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SchemaNotFoundException.forId("'" + text + "'");
        }
    }
}
