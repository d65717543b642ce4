package io.scenelog.edge.assets;

import java.util.Objects;

/**
 * A blob as the {@link BlobStore} holds it.
 *
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits: also its name in the store
 * @param sizeBytes its length
 */
public record StoredBlob(String sha256, long sizeBytes) {

    public StoredBlob {
        Objects.requireNonNull(sha256, "sha256");
        if (!BlobStore.isSha256(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: '" + sha256 + "'");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Negative blob size " + sizeBytes + " for " + sha256);
        }
    }
}
