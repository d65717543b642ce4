package io.scenelog.edge.http;

/**
 * The stable error codes of the REST API, each with its one HTTP status. Programs match on the code (several codes
 * share a status, e.g. VERSION_CONFLICT and ALREADY_EXISTS are both 409); the message is for people. Append only:
 * a published code is never renamed or given another status.
 */
public enum ErrorCode {
    /** The body is not parseable JSON. */
    MALFORMED_JSON(400),
    /** Wrong types, missing or unknown fields, out-of-range values, bad query parameters or path ids. */
    VALIDATION_FAILED(400),
    /** A missing, malformed, expired or forged token or API key. */
    UNAUTHENTICATED(401),
    /** The role is too low, or the token is scoped to another scene or session. */
    FORBIDDEN(403),
    /** No such resource (or route). */
    NOT_FOUND(404),
    /** The route exists but not with this method. */
    METHOD_NOT_ALLOWED(405),
    /** An expected version differs from the entity's current version. */
    VERSION_CONFLICT(409),
    /** A create names an id (or a unique name) in use. */
    ALREADY_EXISTS(409),
    /** A body, an upload or its unpacked content is over its limit. */
    PAYLOAD_TOO_LARGE(413),
    /** The content type is not accepted here, or uploaded bytes are no known format. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** An upload of a known format that is not valid (truncated, out-of-bounds accessor, URI leaving the package). */
    INVALID_ASSET(422),
    /** The commit pipeline rejected the change as INVALID (e.g. a parent cycle). */
    INVALID_ACTION(422),
    /** The principal sent more requests than its allowance. */
    RATE_LIMITED(429),
    /** A bug: the server could not handle a valid request. */
    INTERNAL(500),
    /** Kafka, the pipeline or its state cannot answer now; retry after a moment. */
    UNAVAILABLE(503),
    /** The pipeline did not answer in time; the change may still commit. */
    TIMEOUT(504);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status this code is always sent with. */
    public int status() {
        return status;
    }
}
