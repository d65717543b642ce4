package io.scenelog.renderer.scene;

import io.scenelog.model.EntityState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A short fingerprint of a scene as one session sees it: the scene version and a hash of the sorted
 * (entity id, entity version) pairs. Two replicas, or a replica and the platform's own state, that show the same
 * entities at the same versions have equal digests, whatever order they learnt them in.
 *
 * @param version     the scene version
 * @param entityCount how many entities the session sees
 * @param hash        the first 16 hex digits of the SHA-256 of the sorted {@code entityId:version} lines
 */
public record SceneDigest(long version, int entityCount, String hash) {

    /** The digest of these entities at this scene version. */
    public static SceneDigest of(long version, Collection<EntityState> entities) {
        List<String> lines = entities.stream()
                .map(e -> e.getEntityId() + ":" + e.getVersion())
                .sorted()
                .toList();
        MessageDigest sha256 = sha256();
        for (String line : lines) {
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return new SceneDigest(version, lines.size(), HexFormat.of().formatHex(sha256.digest(), 0, 8));
    }

    /** The digest as one readable line, e.g. {@code v42/7/1f0c5e9a2b3d4c6e}. */
    public String text() {
        return "v" + version + "/" + entityCount + "/" + hash;
    }

    @Override
    public String toString() {
        return text();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
