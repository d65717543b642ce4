package io.scenelog.renderer.models.gltf.internal;

import io.scenelog.renderer.asset.AssetSource;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the URIs of buffers and images. Only two kinds exist in stored assets: {@code data:} URIs (base64), and
 * {@code blobs/<sha256>}, to which the upload rewrote a package's relative paths; anything else (a path, http) is
 * refused, so decoding a model never reaches outside the asset store. Counts the bytes resolved against a budget.
 */
final class Resources {

    private static final String BLOB_PREFIX = "blobs/";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Bytes a URI stands for.
     *
     * @param bytes  the content
     * @param sha256 the blob's hash, when the URI named a blob
     */
    record Resolved(byte[] bytes, Optional<String> sha256) {
    }

    private final AssetSource assets;
    private final long maxBytes;
    private long resolvedBytes;

    Resources(AssetSource assets, long maxBytes) {
        this.assets = assets;
        this.maxBytes = maxBytes;
    }

    Resolved resolve(String uri, String where) {
        Resolved resolved;
        if (uri.startsWith("data:")) {
            resolved = new Resolved(decodeDataUri(uri, where), Optional.empty());
        } else if (uri.startsWith(BLOB_PREFIX) && SHA256.matcher(uri.substring(BLOB_PREFIX.length())).matches()) {
            String sha = uri.substring(BLOB_PREFIX.length());
            resolved = new Resolved(read(sha, where), Optional.of(sha));
        } else {
            throw InvalidGltfException.at(where, "the uri " + shortened(uri) + " is neither a data: URI nor"
                    + " blobs/<sha256>; stored assets reference nothing else");
        }
        resolvedBytes += resolved.bytes().length;
        if (resolvedBytes > maxBytes) {
            throw InvalidGltfException.at(where, "the model's buffers and images exceed the budget of " + maxBytes
                    + " bytes");
        }
        return resolved;
    }

    private byte[] read(String sha, String where) {
        try {
            return assets.read(sha);
        } catch (IOException e) {
            throw new InvalidGltfException(where + ": blob " + sha + " is unavailable: " + e.getMessage(), e);
        }
    }

    private static byte[] decodeDataUri(String uri, String where) {
        int comma = uri.indexOf(',');
        if (comma < 0 || !uri.substring(0, comma).endsWith(";base64")) {
            throw InvalidGltfException.at(where, "the data: URI is not base64 (data:<type>;base64,<data>)");
        }
        try {
            return Base64.getDecoder().decode(uri.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidGltfException(where + ": the data: URI is not valid base64: " + e.getMessage(), e);
        }
    }

    private static String shortened(String uri) {
        return uri.length() <= 60 ? "'" + uri + "'" : "'" + uri.substring(0, 57) + "...'";
    }
}
