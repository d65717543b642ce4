package io.scenelog.edge.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that ends in an error response: thrown anywhere in a handler, turned into the one JSON error body
 * ({@code {"code", "message", "details"}}) by {@link ApiErrors}. The message is sent to the client, so it never
 * contains secrets.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    /**
     * @param code    the stable code (it fixes the status)
     * @param message what went wrong and, where possible, how to fix it
     * @param details machine-readable detail (field, reason, ...); empty for none
     */
    public ApiException(ErrorCode code, String message, Map<String, ?> details) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Map.copyOf(new LinkedHashMap<>(details));
    }

    /** An error without details. */
    public static ApiException of(ErrorCode code, String message) {
        return new ApiException(code, message, Map.of());
    }

    /** 400 VALIDATION_FAILED naming the offending field. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field));
    }

    /** 403 FORBIDDEN. */
    public static ApiException forbidden(String message) {
        return of(ErrorCode.FORBIDDEN, message);
    }

    /** 404 NOT_FOUND. */
    public static ApiException notFound(String message) {
        return of(ErrorCode.NOT_FOUND, message);
    }

    /** 401 UNAUTHENTICATED. */
    public static ApiException unauthenticated(String message) {
        return of(ErrorCode.UNAUTHENTICATED, message);
    }

    /** 503 UNAVAILABLE, with {@code Retry-After: 1} (the OpenAPI document promises it on every 503). */
    public static ApiException unavailable(String message) {
        return new ApiException(ErrorCode.UNAVAILABLE, message, Map.of("retryAfterSeconds", 1));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
