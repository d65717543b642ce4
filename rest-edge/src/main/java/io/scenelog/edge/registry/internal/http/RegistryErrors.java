package io.scenelog.edge.registry.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.scenelog.edge.registry.internal.RegistryErrorCode;
import io.scenelog.edge.registry.internal.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures of registry requests become responses: a typed
 * {@link RegistryException} becomes its Confluent status and {@code {"error_code","message"}} body;
 * anything else is a bug, logged and answered with a 500 in the same shape, so a Confluent client
 * can always parse what it gets.
 */
final class RegistryErrors {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryErrors.class);

    private RegistryErrors() {
    }

    /** Wraps a route handler so that its failures are answered here. */
    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (RegistryException e) {
                answer(ctx, e);
            } catch (HttpResponseException e) {
                // Javalin's own HTTP answers (e.g. from reading the request) keep their status.
                throw e;
            } catch (RuntimeException e) {
                LOG.error("Schema registry request {} {} failed unexpectedly.", ctx.method(), ctx.path(), e);
                write(ctx, RegistryErrorCode.INTERNAL_ERROR, "Internal schema registry error: " + e);
            }
        };
    }

    private static void answer(Context ctx, RegistryException e) {
        if (e.errorCode().httpStatus() >= 500) {
            LOG.warn("Schema registry request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
        }
        write(ctx, e.errorCode(), e.getMessage());
    }

    private static void write(Context ctx, RegistryErrorCode code, String message) {
        ObjectNode body = RegistryJson.object();
        body.put("error_code", code.code());
        body.put("message", message);
        RegistryJson.respond(ctx, HttpStatus.forStatus(code.httpStatus()), body);
    }
}
