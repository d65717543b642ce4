package io.scenelog.edge.registry;

import io.javalin.config.RoutesConfig;
import io.scenelog.edge.registry.internal.http.RegistryRouting;

/**
 * The Confluent Schema Registry REST API as Javalin routes, served at the root as Confluent serves
 * it ({@code /subjects}, {@code /schemas/ids/{id}}, {@code /config}, {@code /compatibility}).
 * Errors are answered as {@code {"error_code": ..., "message": ...}} with Confluent's codes.
 *
 * <pre>{@code
 * Javalin.create(config -> SchemaRegistryRoutes.mount(config.routes, registry));
 * }</pre>
 */
public final class SchemaRegistryRoutes {

    private SchemaRegistryRoutes() {
    }

    /** Adds the registry's routes to a Javalin app being configured. */
    public static void mount(RoutesConfig routes, SchemaRegistry registry) {
        RegistryRouting.mount(routes, registry.service());
    }
}
