package io.scenelog.edge.assets.internal;

import io.scenelog.edge.assets.AssetProblem;
import io.scenelog.edge.assets.AssetRejectedException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every check that can refuse an upload, with its permanent wire name and its problem. Keeping the pair in one place
 * means a rule can never be reported under two problems; the table in {@link AssetRejectedException} documents them.
 */
public enum Rule {
    UPLOAD_TOO_LARGE("upload-too-large", AssetProblem.PAYLOAD_TOO_LARGE),
    UNPACKED_TOO_LARGE("unpacked-too-large", AssetProblem.PAYLOAD_TOO_LARGE),
    TOO_MANY_ENTRIES("too-many-entries", AssetProblem.PAYLOAD_TOO_LARGE),
    UNKNOWN_FORMAT("unknown-format", AssetProblem.UNSUPPORTED_MEDIA_TYPE),
    GLB_TRUNCATED("glb-truncated", AssetProblem.INVALID_ASSET),
    GLB_VERSION("glb-version", AssetProblem.INVALID_ASSET),
    GLB_LENGTH_MISMATCH("glb-length-mismatch", AssetProblem.INVALID_ASSET),
    GLB_CHUNK_MISALIGNED("glb-chunk-misaligned", AssetProblem.INVALID_ASSET),
    GLB_CHUNK_ORDER("glb-chunk-order", AssetProblem.INVALID_ASSET),
    GLB_MISSING_BIN("glb-missing-bin", AssetProblem.INVALID_ASSET),
    ZIP_MALFORMED("zip-malformed", AssetProblem.INVALID_ASSET),
    UNSAFE_ENTRY_NAME("unsafe-entry-name", AssetProblem.INVALID_ASSET),
    DUPLICATE_ENTRY("duplicate-entry", AssetProblem.INVALID_ASSET),
    PACKAGE_GLTF_MISSING("package-gltf-missing", AssetProblem.INVALID_ASSET),
    PACKAGE_GLTF_AMBIGUOUS("package-gltf-ambiguous", AssetProblem.INVALID_ASSET),
    JSON_MALFORMED("json-malformed", AssetProblem.INVALID_ASSET),
    PROPERTY_MISSING("property-missing", AssetProblem.INVALID_ASSET),
    PROPERTY_INVALID("property-invalid", AssetProblem.INVALID_ASSET),
    ASSET_VERSION("asset-version", AssetProblem.INVALID_ASSET),
    URI_UNSAFE("uri-unsafe", AssetProblem.INVALID_ASSET),
    URI_NOT_FOUND("uri-not-found", AssetProblem.INVALID_ASSET),
    EXTERNAL_URI_IN_GLB("external-uri-in-glb", AssetProblem.INVALID_ASSET),
    DATA_URI_MALFORMED("data-uri-malformed", AssetProblem.INVALID_ASSET),
    BUFFER_LENGTH_MISMATCH("buffer-length-mismatch", AssetProblem.INVALID_ASSET),
    BUFFER_VIEW_OUT_OF_BOUNDS("buffer-view-out-of-bounds", AssetProblem.INVALID_ASSET),
    ACCESSOR_OUT_OF_BOUNDS("accessor-out-of-bounds", AssetProblem.INVALID_ASSET),
    ACCESSOR_MISALIGNED("accessor-misaligned", AssetProblem.INVALID_ASSET),
    ACCESSOR_TYPE_MISMATCH("accessor-type-mismatch", AssetProblem.INVALID_ASSET),
    ATTRIBUTE_COUNT_MISMATCH("attribute-count-mismatch", AssetProblem.INVALID_ASSET),
    INDEX_VALUE_OUT_OF_RANGE("index-value-out-of-range", AssetProblem.INVALID_ASSET),
    REFERENCE_OUT_OF_RANGE("reference-out-of-range", AssetProblem.INVALID_ASSET),
    NODE_CYCLE("node-cycle", AssetProblem.INVALID_ASSET),
    NODE_HIERARCHY("node-hierarchy", AssetProblem.INVALID_ASSET),
    IMAGE_MIME_TYPE("image-mime-type", AssetProblem.INVALID_ASSET),
    IMAGE_FORMAT("image-format", AssetProblem.INVALID_ASSET),
    PNG_MALFORMED("png-malformed", AssetProblem.INVALID_ASSET),
    JPEG_MALFORMED("jpeg-malformed", AssetProblem.INVALID_ASSET),
    IMAGE_DIMENSIONS("image-dimensions", AssetProblem.INVALID_ASSET);

    private final String id;
    private final AssetProblem problem;

    Rule(String id, AssetProblem problem) {
        this.id = id;
        this.problem = problem;
    }

    /** The permanent name clients match on. */
    public String id() {
        return id;
    }

    /** The problem this rule is always reported under. */
    public AssetProblem problem() {
        return problem;
    }

    /** A rejection at a place inside the glTF JSON, given as a JSON pointer ("" is the whole document). */
    public AssetRejectedException at(String pointer, String message) {
        return with(message, "pointer", pointer);
    }

    /** A rejection with no place, or with facts given as key, value, key, value, ... */
    public AssetRejectedException with(String message, Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new AssetRejectedException(problem, id, message, details);
    }
}
