package io.scenelog.edge.assets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an upload to disk and stops at the cap: a client declaring a small size and sending more, or sending
 * forever, costs at most the cap plus one buffer.
 */
public final class CappedCopy {

    private static final int BUFFER = 64 * 1024;

    private CappedCopy() {
    }

    /**
     * Copies all of in to target and returns how many bytes that was.
     *
     * @throws io.scenelog.edge.assets.AssetRejectedException upload-too-large once more than cap bytes arrive
     */
    public static long copy(InputStream in, Path target, long cap) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > cap) {
                    throw Rule.UPLOAD_TOO_LARGE.with("The upload is larger than the limit of " + Sizes.human(cap)
                            + "; make the file smaller (for example, compress textures) or ask an operator to"
                            + " raise the limit.", "limit", cap);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
