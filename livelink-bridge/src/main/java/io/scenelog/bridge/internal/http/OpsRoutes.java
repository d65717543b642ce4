package io.scenelog.bridge.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.bridge.BridgeHealth;
import io.scenelog.bridge.internal.BridgeMetrics;
import java.util.function.Supplier;

/**
 * The bridge's operational routes: {@code GET /health} (and {@code /health/ready}: 200 when every part is UP, 503
 * with {@code Retry-After} otherwise), {@code GET /health/live} (200 while the process serves HTTP) and
 * {@code GET /metrics} (Prometheus text).
 */
public final class OpsRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsRoutes() {
    }

    /** Adds the routes to a Javalin app being configured. */
    public static void mount(RoutesConfig routes, Supplier<BridgeHealth> health, BridgeMetrics metrics) {
        routes.get("/health", ctx -> ready(ctx, health.get()));
        routes.get("/health/ready", ctx -> ready(ctx, health.get()));
        routes.get("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }

    private static void ready(Context ctx, BridgeHealth health) throws JsonProcessingException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", health.ready() ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        health.checks().forEach(checks::put);
        if (!health.ready()) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(health.ready() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsBytes(body));
    }
}
