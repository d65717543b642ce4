package io.scenelog.nodecache.internal;

/**
 * A blob the asking scene may use, and where the platform serves it.
 *
 * @param sha256 its hash
 * @param expectedSize its length when the listing says (an asset's main blob), or -1 (a dependency)
 * @param upstreamPath the REST path that serves it: {@code /assets/{id}/content} or {@code /assets/{id}/blobs/{sha}}
 */
public record BlobRef(String sha256, long expectedSize, String upstreamPath) {
}
