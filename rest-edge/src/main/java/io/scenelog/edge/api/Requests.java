package io.scenelog.edge.api;

import io.javalin.http.Context;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.json.StrictJson;
import java.util.Optional;
import java.util.UUID;

/** Reading path and query parameters, with 400 VALIDATION_FAILED naming the parameter when one is malformed. */
final class Requests {

    /** Optional header a client sets to make a write safe to retry: it becomes the action id. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Requests() {
    }

    /** A path parameter that must be a UUID. */
    static UUID uuidParam(Context ctx, String name) {
        return parseUuid(ctx.pathParam(name), name);
    }

    /** An optional query parameter that must be a UUID when present. */
    static Optional<UUID> uuidQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(parseUuid(value, name));
    }

    /** An optional query parameter that must be a whole number when present. */
    static Optional<Long> longQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The action id for a write: the Idempotency-Key header when the client sent one, else a fresh id. */
    static UUID actionId(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return UUID.randomUUID();
        }
        return parseUuid(key.trim(), IDEMPOTENCY_KEY);
    }

    private static UUID parseUuid(String value, String name) {
        return StrictJson.uuid(value, name);
    }
}
