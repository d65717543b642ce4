package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.BlobVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Downloads a blob from the platform into the target file, hashing while copying, and cutting off an answer
 * longer than the cap. Failures of the transfer are {@link UpstreamFailure}s; failures to write are {@link
 * LocalWriteException}s.
 */
public final class HttpFetcher implements Fetcher {

    private static final int BUFFER = 256 * 1024;

    private final Upstream upstream;
    private final long maxBlobBytes;

    public HttpFetcher(Upstream upstream, long maxBlobBytes) {
        this.upstream = upstream;
        this.maxBlobBytes = maxBlobBytes;
    }

    @Override
    public Fetched fetch(BlobRef ref, Path target) throws IOException {
        MessageDigest digest = Sha256Hex.newDigest();
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = upstream.get(ref.upstreamPath()); OutputStream out = output(target)) {
            for (int n = read(in, buffer, ref); n >= 0; n = read(in, buffer, ref)) {
                total += n;
                if (total > maxBlobBytes) {
                    throw new BlobVerificationException("Blob " + ref.sha256() + " from "
                            + upstream.resolve(ref.upstreamPath()) + " is longer than maxBlobBytes (" + maxBlobBytes
                            + "); the download was cut off and discarded");
                }
                digest.update(buffer, 0, n);
                write(out, buffer, n, target);
            }
        }
        return new Fetched(total, Sha256Hex.hex(digest));
    }

    private int read(InputStream in, byte[] buffer, BlobRef ref) throws UpstreamFailure {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new UpstreamFailure("The download of blob " + ref.sha256() + " from "
                    + upstream.resolve(ref.upstreamPath()) + " broke off: " + e, e);
        }
    }

    private static OutputStream output(Path target) throws LocalWriteException {
        try {
            return Files.newOutputStream(target);
        } catch (IOException e) {
            throw new LocalWriteException("Cannot create download file " + target + ": " + e, e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int n, Path target) throws LocalWriteException {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new LocalWriteException("Cannot write download file " + target + ": " + e, e);
        }
    }
}
