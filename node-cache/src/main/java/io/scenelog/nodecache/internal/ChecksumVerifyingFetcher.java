package io.scenelog.nodecache.internal;

import io.scenelog.nodecache.BlobVerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects a download whose bytes do not hash to the blob's name (or that was cut off at the size cap): the
 * file is deleted, the failure counted and logged as an alert (the platform, or something between, serves wrong
 * bytes). Asking again does not help, so it is not retried.
 */
public final class ChecksumVerifyingFetcher implements Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumVerifyingFetcher.class);

    private final Fetcher inner;
    private final Runnable onMismatch;

    public ChecksumVerifyingFetcher(Fetcher inner, Runnable onMismatch) {
        this.inner = inner;
        this.onMismatch = onMismatch;
    }

    @Override
    public Fetched fetch(BlobRef ref, Path target) throws IOException {
        Fetched fetched;
        try {
            fetched = inner.fetch(ref, target);
        } catch (BlobVerificationException e) {
            reject(target, e.getMessage());
            throw e;
        }
        if (!fetched.sha256().equals(ref.sha256())) {
            String message = "The platform sent " + fetched.bytes() + " bytes hashing to " + fetched.sha256()
                    + " for blob " + ref.sha256() + " (" + ref.upstreamPath() + "); they were discarded";
            reject(target, message);
            throw new BlobVerificationException(message);
        }
        return fetched;
    }

    private void reject(Path target, String message) throws IOException {
        Files.deleteIfExists(target);
        onMismatch.run();
        LOG.error("ALERT: node-cache verification failure: {}.", message);
    }
}
