package io.scenelog.renderer.models.gltf;

import io.scenelog.renderer.asset.AssetSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** An asset store in memory, addressed by real sha-256 hashes, counting the reads of each blob. */
public final class MapAssetSource implements AssetSource {

    private final Map<String, byte[]> blobs = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();

    /** Stores a blob and returns its sha-256. */
    public String put(byte[] blob) {
        String sha = sha256(blob);
        blobs.put(sha, blob.clone());
        return sha;
    }

    /** How often a blob was read (also counting failed reads). */
    public int reads(String sha) {
        return reads.getOrDefault(sha, 0);
    }

    @Override
    public byte[] read(String sha256) throws IOException {
        reads.merge(sha256, 1, Integer::sum);
        byte[] blob = blobs.get(sha256);
        if (blob == null) {
            throw new IOException("blob " + sha256 + " is not in the store");
        }
        return blob.clone();
    }

    /** The sha-256 of bytes, as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
