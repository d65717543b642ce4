package io.scenelog.edge.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.scenelog.edge.json.JsonFieldException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a REST handler into the one error body {@code {"code", "message", "details"}}: our own
 * {@link ApiException}s, field errors from the JSON readers, Javalin's own responses (no such route, body over the
 * server's cap) and, as 500 INTERNAL without internals, anything unexpected. The schema registry's routes keep their
 * Confluent error format: they catch their own exceptions before these handlers see them.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** Registers the handlers on a Javalin app being configured. */
    public static void mount(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(JsonFieldException.class, (e, ctx) -> write(ctx,
                ApiException.invalidField(e.field(), e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, ApiException.of(ErrorCode.INTERNAL, "The server failed on this request; it was logged"));
        });
    }

    /** Writes the error body for an exception (also used by before-handlers that answer early). */
    public static void write(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code().name());
        body.put("message", e.getMessage());
        body.put("details", e.details().isEmpty() ? null : e.details());
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"scenelog\"");
        }
        Object retryAfter = e.details().get("retryAfterSeconds");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter.toString());
        }
        ApiJson.write(ctx, e.code().status(), body);
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound("No such route: " + e.getMessage());
            case 405 -> ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "This route does not accept that method");
            case 413 -> ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over the server's limit");
            case 400 -> ApiException.invalidField("request", e.getMessage());
            default -> e.getStatus() >= 500
                    ? ApiException.of(ErrorCode.INTERNAL, "The server failed on this request")
                    : ApiException.invalidField("request", e.getMessage());
        };
    }
}
