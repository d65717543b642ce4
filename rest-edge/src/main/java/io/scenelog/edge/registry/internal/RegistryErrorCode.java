package io.scenelog.edge.registry.internal;

/**
 * The error codes of the Confluent Schema Registry REST API, with the HTTP status each travels
 * with. Clients switch on these numbers, so they are permanent: never renumber one.
 */
public enum RegistryErrorCode {
    SUBJECT_NOT_FOUND(40401, 404),
    VERSION_NOT_FOUND(40402, 404),
    SCHEMA_NOT_FOUND(40403, 404),
    SUBJECT_SOFT_DELETED(40404, 404),
    SUBJECT_NOT_SOFT_DELETED(40405, 404),
    VERSION_SOFT_DELETED(40406, 404),
    VERSION_NOT_SOFT_DELETED(40407, 404),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408, 404),
    INCOMPATIBLE_SCHEMA(409, 409),
    MALFORMED_REQUEST(400, 400),
    REQUEST_TOO_LARGE(413, 413),
    UNPROCESSABLE_REQUEST(422, 422),
    INVALID_SCHEMA(42201, 422),
    INVALID_VERSION(42202, 422),
    INVALID_COMPATIBILITY_LEVEL(42203, 422),
    INVALID_SUBJECT(42208, 422),
    INTERNAL_ERROR(500, 500),
    STORE_ERROR(50001, 500),
    OPERATION_TIMEOUT(50002, 500);

    private final int code;
    private final int httpStatus;

    RegistryErrorCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The {@code error_code} of the response body. */
    public int code() {
        return code;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }
}
