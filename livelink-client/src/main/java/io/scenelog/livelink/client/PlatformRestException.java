package io.scenelog.livelink.client;

import java.util.Map;
import java.util.Optional;

/**
 * A REST call to the platform failed: the edge answered an error (its body {@code {"code", "message",
 * "details"}}), an answer that is not what the API documents, or no answer at all.
 */
public final class PlatformRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@link #code()} when the edge could not be reached: no HTTP status. */
    public static final String UNREACHABLE = "UNREACHABLE";
    /** {@link #code()} when the edge answered something the API does not document. */
    public static final String MALFORMED_RESPONSE = "MALFORMED_RESPONSE";

    private final String operation;
    private final int status;
    private final String code;
    private final String errorMessage;
    private final transient Map<String, Object> details;

    /**
     * A failed call.
     *
     * @param operation the call, e.g. {@code POST /sessions/9b2c.../clients}
     * @param status the HTTP status, or -1 when there was none
     * @param code the error body's stable code, {@link #UNREACHABLE} or {@link #MALFORMED_RESPONSE}
     * @param errorMessage the error body's message, or what went wrong
     * @param details the error body's details (empty when none; null values are left out)
     * @param cause the I/O or parsing failure, or null
     */
    public PlatformRestException(String operation, int status, String code, String errorMessage,
            Map<String, Object> details, Throwable cause) {
        super(operation + " failed: " + (status < 0 ? "" : "HTTP " + status + " ") + code + ": " + errorMessage, cause);
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        this.details = java.util.Collections.unmodifiableMap(kept);
    }

    /** The call that failed, e.g. {@code POST /tokens}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status, or -1 when the edge could not be reached. */
    public int status() {
        return status;
    }

    /** The stable error code (the body's {@code code}, e.g. FORBIDDEN, NOT_FOUND, RATE_LIMITED). */
    public String code() {
        return code;
    }

    /** The error body's message, for people. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The error body's details: {@code reason}, {@code field}, {@code retryAfterSeconds}, ... */
    public Map<String, Object> details() {
        return details;
    }

    /** One detail, if present. */
    public Optional<Object> detail(String key) {
        return Optional.ofNullable(details.get(key));
    }

    /** Whether the same call can succeed later: unreachable, 429, 503 or 504. */
    public boolean retryable() {
        return status < 0 || status == 429 || status == 503 || status == 504;
    }
}
