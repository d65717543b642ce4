package io.scenelog.edge.assets;

import io.scenelog.edge.assets.internal.BinarySource;
import io.scenelog.edge.assets.internal.CappedCopy;
import io.scenelog.edge.assets.internal.Format;
import io.scenelog.edge.assets.internal.GlbContainer;
import io.scenelog.edge.assets.internal.GlbResources;
import io.scenelog.edge.assets.internal.GltfJson;
import io.scenelog.edge.assets.internal.GltfValidator;
import io.scenelog.edge.assets.internal.ImageChecks;
import io.scenelog.edge.assets.internal.PackageIngest;
import io.scenelog.edge.assets.internal.Rule;
import io.scenelog.edge.assets.internal.Sizes;
import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an untrusted upload into validated blobs. The upload is copied to a temporary file under a byte cap, its
 * format is recognised from its first bytes (never from its name or a declared content type), it is validated
 * completely, and only then stored: a rejected upload leaves nothing behind in the store.
 *
 * <p>Accepted: a binary glTF 2.0 ({@code .glb}, self-contained), a zip holding exactly one {@code .gltf} with the
 * buffers and images it refers to, a PNG, a JPEG. Thread-safe; uploads are independent of each other.
 */
public final class AssetIngestor {

    private final BlobStore store;
    private final AssetLimits limits;
    private final GltfJson json;
    private final PackageIngest packages;

    public AssetIngestor(BlobStore store, AssetLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
        // No string in a glTF can be longer than what holds it: the upload, or an unpacked file.
        this.json = new GltfJson(Math.max(limits.maxUploadBytes(), limits.maxUnpackedBytes()));
        this.packages = new PackageIngest(store, limits, json);
    }

    /**
     * Reads an upload to its end, validates it and stores its blobs.
     *
     * @param upload the uploaded bytes; read, not closed
     * @param fileName the name the uploader gave, only for messages (may be null)
     * @return what was stored
     * @throws AssetRejectedException when the upload is too large, of no accepted format, or invalid
     * @throws IOException when reading the upload or writing the store fails
     */
    public IngestedAsset ingest(InputStream upload, String fileName) throws IOException {
        Objects.requireNonNull(upload, "upload");
        Path file = store.newTempFile();
        try {
            long size = CappedCopy.copy(upload, file, limits.maxUploadBytes());
            Format format = Format.sniff(file);
            if (format == null) {
                throw Rule.UNKNOWN_FORMAT.with(Sizes.quoteName(fileName) + " is not a format Scenelog accepts;"
                        + " upload a binary glTF (.glb), a zip holding one .gltf with its files, a PNG or a JPEG"
                        + " (recognised by content, not by name).");
            }
            switch (format) {
                case GLB:
                    return glb(file);
                case ZIP:
                    return packages.ingest(file);
                case PNG:
                case JPEG:
                    return image(file, size, fileName);
                default:
                    throw new IllegalStateException("Unhandled format " + format);
            }
        } finally {
            // Absent when stored: put() renamed it into the store.
            Files.deleteIfExists(file);
        }
    }

    /** The store this ingestor writes to. */
    public BlobStore store() {
        return store;
    }

    /** The limits this ingestor enforces. */
    public AssetLimits limits() {
        return limits;
    }

    private IngestedAsset glb(Path file) throws IOException {
        GlbContainer.GlbFile glb = GlbContainer.read(file);
        AssetSummary summary = GltfValidator.validate(json.parse(new ByteArrayInputStream(glb.json())),
                new GlbResources(glb.bin(), limits.maxUnpackedBytes()));
        StoredBlob blob = store.put(file);
        return new IngestedAsset(AssetKind.GLB, IngestedAsset.GLB_MEDIA_TYPE, blob.sha256(), blob.sizeBytes(),
                List.of(), Optional.of(summary));
    }

    private IngestedAsset image(Path file, long size, String fileName) throws IOException {
        String mediaType = ImageChecks.check(BinarySource.of(file, 0, size), Sizes.quoteName(fileName), null);
        StoredBlob blob = store.put(file);
        return new IngestedAsset(AssetKind.IMAGE, mediaType, blob.sha256(), blob.sizeBytes(), List.of(),
                Optional.empty());
    }
}
