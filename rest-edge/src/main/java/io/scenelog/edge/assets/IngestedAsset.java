package io.scenelog.edge.assets;

import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an accepted upload became: the facts an {@code AssetRecord} needs apart from the identities (asset id, name,
 * scene, uploader, time), which the caller adds. Every blob named here is already in the {@link BlobStore}.
 *
 * @param kind what the main blob is
 * @param mediaType the main blob's media type: {@code model/gltf-binary}, {@code model/gltf+json},
 *     {@code image/png} or {@code image/jpeg}
 * @param sha256 the main blob: the GLB or image as uploaded, or a package's rewritten {@code .gltf}
 * @param sizeBytes the main blob's length
 * @param dependencies the other blobs a {@code GLTF_PACKAGE} needs (its buffers and images), unique, in the order
 *     the glTF first refers to them; empty for other kinds
 * @param summary counts from the glTF validation; empty for an image
 */
public record IngestedAsset(AssetKind kind, String mediaType, String sha256, long sizeBytes,
        List<String> dependencies, Optional<AssetSummary> summary) {

    /** Media type of a binary glTF. */
    public static final String GLB_MEDIA_TYPE = "model/gltf-binary";
    /** Media type of a glTF JSON document (the main blob of a package). */
    public static final String GLTF_MEDIA_TYPE = "model/gltf+json";
    /** Media type of a PNG image. */
    public static final String PNG_MEDIA_TYPE = "image/png";
    /** Media type of a JPEG image. */
    public static final String JPEG_MEDIA_TYPE = "image/jpeg";

    public IngestedAsset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        if (!BlobStore.isSha256(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: '" + sha256 + "'");
        }
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(summary, "summary");
    }
}
