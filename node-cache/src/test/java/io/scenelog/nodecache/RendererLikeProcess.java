package io.scenelog.nodecache;

import io.scenelog.nodecache.internal.Sha256Hex;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;

/**
 * A renderer-like process for {@link MultiProcessIntegrationTest}: opens the node cache on a shared directory, says
 * {@code READY}, waits for {@code GO} on stdin, says {@code OPENING}, opens one blob, hashes every byte it reads and
 * says {@code OK <sha256 of the bytes read> <fetched>}, or {@code ERROR <why>}.
 */
public final class RendererLikeProcess {

    private RendererLikeProcess() {
    }

    /** Arguments: cache directory, upstream URI, scene id, blob sha-256. */
    public static void main(String[] args) throws Exception {
        NodeCacheSettings settings = NodeCacheSettings.defaults(Path.of(args[0]), URI.create(args[1]),
                        () -> TestUpstream.TOKEN)
                .withDisk(DiskSpace.FILE_STORE, 0)
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (AssetCache cache = NodeCache.open(settings)) {
            System.out.println("READY");
            System.out.flush();
            if (!"GO".equals(stdin.readLine())) {
                System.out.println("ERROR no GO");
                return;
            }
            System.out.println("OPENING");
            System.out.flush();
            try (CachedBlob blob = cache.open(args[3], CacheScope.scene(UUID.fromString(args[2])))) {
                MessageDigest digest = Sha256Hex.newDigest();
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = blob.newInputStream()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
                System.out.println("OK " + Sha256Hex.hex(digest) + " " + blob.fetched());
            }
        } catch (Exception e) {
            System.out.println("ERROR " + e);
        }
        System.out.flush();
    }
}
