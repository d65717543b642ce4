package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenelog.edge.docs.ApiDocsPage;
import io.scenelog.edge.docs.ApiSpec;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.registry.RegistryHealth;
import io.scenelog.edge.registry.SchemaRegistry;
import io.scenelog.topics.TopicView;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The public operational routes: liveness, readiness (Kafka, the registry, the edge's views and result reader, the
 * pipeline's state), Prometheus metrics, and the OpenAPI document with its HTML rendering.
 */
final class OpsRoutes {

    /** Kafka Streams states in which the pipeline serves (a rebalance pauses it only briefly). */
    private static final Set<String> SERVING = Set.of("RUNNING", "REBALANCING");
    private static final Duration VIEW_CHECK = Duration.ofSeconds(2);

    private final SchemaRegistry registry;
    private final Platform platform;
    private final ApiMetrics metrics;
    private volatile String docsPage;

    OpsRoutes(SchemaRegistry registry, Platform platform, ApiMetrics metrics) {
        this.registry = registry;
        this.platform = platform;
        this.metrics = metrics;
    }

    void mount(RoutesConfig routes) {
        routes.get("/health", this::ready);
        routes.get("/health/ready", this::ready);
        routes.get("/health/live", ctx -> ApiJson.write(ctx, 200, ApiJson.object().put("status", "UP")));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(ApiSpec.specYaml()));
        routes.get("/docs", this::docs);
    }

    private void ready(Context ctx) {
        RegistryHealth health = registry.health();
        ObjectNode checks = ApiJson.object();
        checks.put("kafka", health.kafkaReachable() ? "UP" : "DOWN");
        checks.put("registry", health.ready() ? "UP" : "DOWN");
        boolean viewsUp = platform.parts().map(parts -> parts.gateway().healthy()
                && List.<TopicView<?>>of(parts.scenes(), parts.sessions(), parts.assets()).stream()
                        .allMatch(view -> view.caughtUp(VIEW_CHECK))).orElse(false);
        checks.put("views", viewsUp ? "UP" : "DOWN");
        String streams = platform.pipeline().localPipelineState().map(state -> SERVING.contains(state) ? "UP" : "DOWN")
                .orElse("ABSENT");
        checks.put("streams", streams);
        checks.put("stateQueries", platform.pipeline().queries().isPresent() ? "UP" : "DOWN");
        boolean up = health.ready() && health.kafkaReachable() && viewsUp && !streams.equals("DOWN")
                && platform.pipeline().queries().isPresent();
        ObjectNode body = ApiJson.object();
        body.put("status", up ? "UP" : "DOWN");
        body.set("checks", checks);
        health.problem().ifPresent(problem -> body.put("problem", problem));
        if (!up) {
            ctx.header("Retry-After", "1");
        }
        ApiJson.write(ctx, up ? 200 : 503, body);
    }

    private void docs(Context ctx) {
        String page = docsPage;
        if (page == null) {
            page = ApiDocsPage.render(ApiSpec.specYaml());
            docsPage = page;
        }
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
