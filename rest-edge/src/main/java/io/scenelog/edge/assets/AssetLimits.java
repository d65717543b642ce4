package io.scenelog.edge.assets;

import io.scenelog.edge.InvalidEdgeSettingsException;

/**
 * How much an upload may weigh, before and after decompression. A zip bomb or an endless upload costs the server at
 * most these amounts of disk and work, whatever the upload declares about itself.
 *
 * @param maxUploadBytes the largest upload accepted, as sent
 * @param maxUnpackedBytes the most bytes a zip package may inflate to in total (and the most bytes that the
 *     {@code data:} URIs of one glTF may decode to)
 * @param maxEntries the most entries (files and directories) a zip package may hold
 */
public record AssetLimits(long maxUploadBytes, long maxUnpackedBytes, int maxEntries) {

    /** Default for {@link #maxUploadBytes()}: 64 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    /** Default for {@link #maxUnpackedBytes()}: 256 MiB. */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    /** Default for {@link #maxEntries()}. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    /**
     * @throws InvalidEdgeSettingsException naming the setting and the fix when a value is unusable
     */
    public AssetLimits {
        if (maxUploadBytes < 1) {
            throw new InvalidEdgeSettingsException("maxUploadBytes", maxUploadBytes,
                    "allow at least 1 byte; the default is " + DEFAULT_MAX_UPLOAD_BYTES + " (64 MiB)");
        }
        if (maxUnpackedBytes < 1) {
            throw new InvalidEdgeSettingsException("maxUnpackedBytes", maxUnpackedBytes,
                    "allow at least 1 byte; the default is " + DEFAULT_MAX_UNPACKED_BYTES + " (256 MiB)");
        }
        if (maxEntries < 1) {
            throw new InvalidEdgeSettingsException("maxEntries", maxEntries,
                    "allow at least 1 zip entry; the default is " + DEFAULT_MAX_ENTRIES);
        }
    }

    /** The documented defaults: 64 MiB uploads, 256 MiB unpacked, 1,000 zip entries. */
    public static AssetLimits defaults() {
        return new AssetLimits(DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_UNPACKED_BYTES, DEFAULT_MAX_ENTRIES);
    }

    /** A copy with another upload cap. */
    public AssetLimits withMaxUploadBytes(long value) {
        return new AssetLimits(value, maxUnpackedBytes, maxEntries);
    }

    /** A copy with another cap on unpacked bytes. */
    public AssetLimits withMaxUnpackedBytes(long value) {
        return new AssetLimits(maxUploadBytes, value, maxEntries);
    }

    /** A copy with another cap on zip entries. */
    public AssetLimits withMaxEntries(int value) {
        return new AssetLimits(maxUploadBytes, maxUnpackedBytes, value);
    }
}
