package io.scenelog.edge.assets;

/**
 * The three ways an upload can be refused; the REST layer maps each to one error code and HTTP status (413, 415,
 * 422). The finer reason is the {@code rule} in {@link AssetRejectedException#details()}.
 */
public enum AssetProblem {
    /** The upload, or what it unpacks to, is over a limit of {@link AssetLimits}. */
    PAYLOAD_TOO_LARGE,
    /** The bytes are none of the accepted formats (recognised by content, never by name). */
    UNSUPPORTED_MEDIA_TYPE,
    /** A known format whose content is broken or unsafe. */
    INVALID_ASSET
}
