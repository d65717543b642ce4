package io.scenelog.renderer.asset;

import java.io.IOException;

/**
 * Where a renderer reads asset blobs, by content hash: the node cache on a render node (which fetches from the
 * platform once per node), or the platform directly. What it returns has been verified against the hash.
 */
public interface AssetSource {

    /**
     * The blob with this sha-256.
     *
     * @param sha256 64 lower-case hex digits
     * @throws IOException when the blob cannot be obtained: unavailable upstream, refused (the session's scene may
     *                     not use it), or failing verification; the message says which
     */
    byte[] read(String sha256) throws IOException;
}
