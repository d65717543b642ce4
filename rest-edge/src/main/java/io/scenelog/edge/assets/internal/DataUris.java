package io.scenelog.edge.assets.internal;

import java.util.Base64;
import java.util.Locale;

/**
 * Decodes the {@code data:} URIs of one glTF document and counts what they decode to against a budget, so that the
 * embedded buffers of a document cost no more than the unpacked limit. One instance per document; not thread-safe.
 */
final class DataUris {

    private static final String PREFIX = "data:";

    private final long budget;
    private long used;

    DataUris(long budget) {
        this.budget = budget;
    }

    /** Whether a URI is a {@code data:} URI (the scheme is case-insensitive). */
    static boolean isData(String uri) {
        return uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The bytes of a base64 {@code data:} URI found at pointer. */
    BinarySource decode(String uri, String pointer) {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            throw Rule.DATA_URI_MALFORMED.at(pointer, "The data: URI at " + pointer + " has no ',' before its data.");
        }
        String header = uri.substring(PREFIX.length(), comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(";base64")) {
            throw Rule.DATA_URI_MALFORMED.at(pointer, "The data: URI at " + pointer + " is not base64-encoded;"
                    + " only ';base64' data: URIs are supported.");
        }
        long estimate = (uri.length() - comma - 1L) / 4 * 3;
        if (used + estimate > budget) {
            throw Rule.UNPACKED_TOO_LARGE.with("The data: URIs of the glTF decode to more than the limit of "
                    + Sizes.human(budget) + " (reached at " + pointer + ").", "pointer", pointer, "limit", budget);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(uri.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw Rule.DATA_URI_MALFORMED.at(pointer, "The data: URI at " + pointer + " is not valid base64: "
                    + e.getMessage() + ".");
        }
        used += bytes.length;
        return BinarySource.of(bytes);
    }
}
