package io.scenelog.edge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenelog.edge.registry.RegistryHealth;
import io.scenelog.edge.registry.SchemaRegistry;

/**
 * {@code GET /health}: 200 when the schema registry has caught up with its log, is following it,
 * and Kafka answers; 503 otherwise. The JSON body says which part is down and how far behind.
 */
public final class HealthRoute {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthRoute() {
    }

    /** Adds {@code GET /health} for {@code registry} to a Javalin app being configured. */
    public static void mount(RoutesConfig routes, SchemaRegistry registry) {
        routes.get("/health", ctx -> answer(ctx, registry.health()));
    }

    private static void answer(Context ctx, RegistryHealth health) throws JsonProcessingException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", health.ready() ? "UP" : "DOWN");
        ObjectNode registry = body.putObject("registry");
        registry.put("caughtUp", health.caughtUp());
        registry.put("following", health.following());
        registry.put("position", health.position());
        registry.put("committedEnd", health.committedEnd());
        registry.put("lag", health.lag());
        body.putObject("kafka").put("reachable", health.kafkaReachable());
        health.problem().ifPresent(problem -> body.put("problem", problem));
        ctx.status(health.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .result(JSON.writeValueAsBytes(body));
    }
}
