package io.scenelog.edge.registry.internal.http;

import io.javalin.config.RoutesConfig;
import io.scenelog.edge.registry.internal.RegistryService;

/** Mounts every route of the Confluent Schema Registry API over a registry service. */
public final class RegistryRouting {

    private RegistryRouting() {
    }

    /** Adds the registry's routes, at the root as Confluent serves them, to a Javalin app's routes. */
    public static void mount(RoutesConfig routes, RegistryService registry) {
        new SubjectRoutes(registry).mount(routes);
        new SchemaRoutes(registry).mount(routes);
        new ConfigRoutes(registry).mount(routes);
    }
}
