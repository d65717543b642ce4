package io.scenelog.streams.auth;

/** Why a token was refused. A refused token authorises nothing; callers map every failure to UNAUTHORIZED. */
public enum TokenFailure {
    /** Not a compact JWS of three base64url parts with JSON header and claims, or a required claim is missing. */
    MALFORMED,
    /** The signature does not match the key, or the header names an algorithm other than HS256 (e.g. "none"). */
    BAD_SIGNATURE,
    /** The {@code exp} claim has passed. */
    EXPIRED,
    /** The {@code iss} claim is not "scenelog". */
    WRONG_ISSUER
}
